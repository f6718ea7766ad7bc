// Starts `next start` for a script (benchmarks, screenshots) and stops it again.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export function ensureBuild({ force = false } = {}) {
  if (!force && fs.existsSync(".next/BUILD_ID")) return;
  const result = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * `next start` on 127.0.0.1:<port> with extra environment; resolves once it answers. With
 * `owner`, as `npm start` runs it: the store's owner process around `next start`. Each variable
 * named in `scratch` (DATA_DIR, OUTBOX_DIR) points at its own new directory under one temporary
 * root, which `stop()` removes once the server has exited.
 */
export async function startNext({ port, env = {}, owner = false, scratch = [] }) {
  const origin = `http://127.0.0.1:${port}`;
  const alreadyServing = await fetch(origin).then(
    () => true,
    () => false,
  );
  if (alreadyServing) throw new Error(`${origin} is already in use: stop that server first, or pass --port`);
  const root = scratch.length ? fs.mkdtempSync(path.join(os.tmpdir(), "next-scratch-")) : undefined;
  const scratchEnv = {};
  for (const name of scratch) {
    scratchEnv[name] = path.join(root, name.toLowerCase());
    fs.mkdirSync(scratchEnv[name]);
  }
  const next = ["next", "start", "-H", "127.0.0.1", "-p", String(port)];
  const command = owner
    ? ["tsx", "--conditions=react-server", "scripts/start.ts", "--", "npx", ...next]
    : next;
  const child = spawn("npx", command, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...scratchEnv, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitFor(origin, owner ? 120_000 : 60_000);
  return {
    origin,
    /** The scratch directories by variable name, e.g. `dirs.OUTBOX_DIR`. */
    dirs: scratchEnv,
    // The server runs detached: its processes form a group named by the first one's pid.
    processGroup: child.pid,
    async stop() {
      const exited =
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      // The store's owner flushes on SIGTERM: remove its directory only once it is done.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (root) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export function chromiumPath() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
    (candidate) => candidate && fs.existsSync(candidate),
  );
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * A loopback proxy to `target` that answers 200 where `target` answers 404 for `path`.
 * Lighthouse refuses to audit a document that answers 404, and the not-found page deserves
 * the same audit as every other page; every other request passes through unchanged.
 */
export async function startNotFoundAs200Proxy({ target, path }) {
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      new URL(request.url, target),
      { method: request.method, headers: request.headers },
      (answer) => {
        const status = request.url === path && answer.statusCode === 404 ? 200 : answer.statusCode;
        response.writeHead(status, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => response.destroy(error));
    request.pipe(upstream);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
