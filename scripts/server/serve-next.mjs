// The production server `npm start` runs (scripts/start.ts starts it in place of `next start`):
// Next's own request handler, the router `next start` uses (compression, next.config headers,
// the prerendered and rewritten pages), inside a plain http server that tells the site each
// request's socket address. It overwrites CLIENT_ADDRESS_HEADER on every request, signed with a
// key made at this start and handed to the site as CLIENT_ADDRESS_KEY; the rate limit counts per
// that address unless TRUST_PROXY names a proxy in front (docs/security.md).
//
//   node scripts/server/serve-next.mjs [directory] [-H <hostname>] [-p <port>] [--keepAliveTimeout <ms>]
//
// Plain Node on purpose: `next()` must not load inside the launcher's
// `tsx --conditions=react-server` process (the condition applies to the whole process).
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_HEADER, clientAddressHeader, isLoopback } from "./client-address-header.mjs";

const usage = "usage: serve-next.mjs [directory] [-H <hostname>] [-p <port>] [--keepAliveTimeout <ms>]";
let parsed;
try {
  parsed = parseArgs({
    options: {
      hostname: { type: "string", short: "H" },
      port: { type: "string", short: "p" },
      keepAliveTimeout: { type: "string" },
    },
    allowPositionals: true,
  });
} catch (error) {
  // Options of `next start` this server does not take (--inspect: use NODE_OPTIONS instead).
  console.error(`error: ${error.message}\n${usage}`);
  process.exit(2);
}
const { values: options, positionals } = parsed;

const port = Number(options.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: not a port: ${options.port ?? process.env.PORT}`);
  process.exit(2);
}
const hostname = options.hostname;
const dir = path.resolve(positionals[0] ?? ".");

// What the `next` command sets before `next start`; `next()` itself does not.
process.env.NODE_ENV = "production";
process.env.NEXT_RUNTIME = "nodejs";
// Made here, at each start: a request can carry a believed address only through this server.
const key = randomBytes(32).toString("base64url");
process.env.CLIENT_ADDRESS_KEY = key;

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
let handle;
const ready = app.prepare().then(() => {
  handle = app.getRequestHandler();
});
ready.catch((error) => {
  console.error("[server] Next.js could not start:", error);
  process.exit(1);
});

let warnedUndeclaredProxy = false;
/** A proxy on this machine that nobody declared: every client would count as the proxy. */
function warnUndeclaredProxy(request, address) {
  if (warnedUndeclaredProxy || !isLoopback(address) || request.headers["x-forwarded-for"] === undefined)
    return;
  // Read at the request: Next has loaded the .env files by then.
  if ((process.env.TRUST_PROXY ?? "").trim() !== "") return;
  warnedUndeclaredProxy = true;
  console.warn(
    `[server] warning: requests from ${address} carry X-Forwarded-For, and TRUST_PROXY is not set: ` +
      "the rate limit counts every request from that address as one client. If a reverse proxy " +
      "(nginx, Caddy) runs in front on this machine, set TRUST_PROXY=1 (README, Deploying).",
  );
}

const server = http.createServer(async (request, response) => {
  const address = request.socket.remoteAddress;
  // Whatever the client sent under this name is replaced, or dropped when there is no address.
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = clientAddressHeader(address, key);
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  warnUndeclaredProxy(request, address);
  try {
    if (!handle) await ready;
    await handle(request, response);
  } catch (error) {
    console.error(`[server] failed to handle ${request.method} ${request.url}:`, error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  }
});
if (options.keepAliveTimeout !== undefined) {
  const timeout = Number(options.keepAliveTimeout);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    console.error(`error: --keepAliveTimeout must be a number of milliseconds: ${options.keepAliveTimeout}`);
    process.exit(2);
  }
  server.keepAliveTimeout = timeout;
}

server.on("error", (error) => {
  console.error(`[server] could not listen on ${hostname ?? "*"}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const bound = server.address();
  const shown = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  const origin = `http://${shown.includes(":") ? `[${shown}]` : shown}:${bound.port}`;
  // As `next start` sets them once it listens (Next reads them for a Server Action's redirect).
  process.env.PORT = String(bound.port);
  process.env.__NEXT_PRIVATE_ORIGIN = origin;
  console.log(`[server] Next.js production server on ${origin}`);
});

let stopping = false;
function stop(signal) {
  // A terminal's Ctrl+C reaches both this process and the launcher, which passes it on too.
  if (stopping) return;
  stopping = true;
  // Stop taking connections, finish the requests in flight, then let Next finish its own work.
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  server.close(async () => {
    await app.close().catch((error) => console.error("[server] while closing Next.js:", error));
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
