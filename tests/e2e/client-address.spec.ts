// The site on a bare machine (no proxy in front, TRUST_PROXY unset): the rate limit counts per
// socket, whatever X-Forwarded-For the client writes. The rest of the suite runs behind a pretend
// proxy (TRUST_PROXY=1, playwright.config.ts), so this starts its own `npm start`, as the README's
// `npm run serve` runs it, on a fresh store with one inquiry per window.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { e2eMailEnv } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { actionFields, valid } from "./inquiry-form";

test.describe.configure({ mode: "serial" });

let server: ChildProcess;
let origin: string;
let log = "";
let dataDir: string;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-bare-store-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...e2eMailEnv,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: "1",
  };
  delete env.TRUST_PROXY;
  server = spawn(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "scripts/start.ts",
      "--",
      "npx",
      "next",
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  server.stdout!.on("data", (chunk) => (log += chunk));
  server.stderr!.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 140_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the site exited (${server.exitCode}):\n${log}`);
    const answered = await fetch(origin).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`the site did not answer:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("rotating X-Forwarded-For from one socket does not lift the rate limit when no proxy is declared", async ({
  page,
  request,
}) => {
  await page.goto(`${origin}/contact`);
  const fields = await actionFields(page);
  const post = (attempt: number, headers: Record<string, string>) =>
    request.post(`${origin}/contact`, {
      multipart: { ...fields, ...valid, message: `${valid.message} (bare ${attempt})`, fill_ms: "60000" },
      headers: { origin, ...headers },
    });

  // What the no-JavaScript answer page says, in a word (the page itself is long).
  const outcome = (html: string) =>
    html.includes("several messages in a short time")
      ? "rate-limited"
      : html.includes("Your message has reached")
        ? "sent"
        : "something else";

  const first = await post(1, { "x-forwarded-for": "203.0.113.21" });
  expect(first.status()).toBe(200);
  expect(outcome(await first.text())).toBe("sent");

  // Another address claimed, and a copy of the site's own header forged: the same socket.
  const second = await post(2, {
    "x-forwarded-for": "198.51.100.22",
    "x-site-client-address": "198.51.100.22;sig=forged",
  });
  expect(second.status()).toBe(200);
  expect(outcome(await second.text())).toBe("rate-limited");

  // Requests from this machine with X-Forwarded-For and no TRUST_PROXY: an undeclared proxy?
  expect(log).toMatch(
    /warning: requests from 127\.0\.0\.1 carry X-Forwarded-For, and TRUST_PROXY is not set/,
  );
  expect(log.match(/carry X-Forwarded-For/g)).toHaveLength(1);
});
