// The analytics ingest route (POST /api/events) under load, and the inquiry form's answer time
// while it takes a burst: `next start` run as `npm start` runs it (the embedded store's owner in a
// fresh temporary DATA_DIR; with DATABASE_URL in the environment, that Postgres server instead),
// behind a pretend proxy (TRUST_PROXY=1) so every simulated reader has its own address. Not a
// test: it reports numbers (docs/analytics.md), it does not judge them, except that the
// inquiry's p99 under the burst is compared with its 10-second answer budget.
//
//   npm run bench:events -- [--seconds 10] [--concurrency 20] [--rate 200] [--inquiries 30]
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { createFakeResend } from "../../tests/fixtures/fake-resend-server.mjs";
import { ensureBuild, percentile, startNext } from "./serve.mjs";

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "20" },
    rate: { type: "string", default: "200" },
    inquiries: { type: "string", default: "30" },
    port: { type: "string", default: "3320" },
  },
});

const chrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const pages = ["/", "/vp-engineering-coaching", "/faq", "/contact", "/newsletter", "/de"];

ensureBuild();
const fake = createFakeResend();
const fakeAddress = await fake.listen(0);
const port = Number(options.port);
// Our own scratch store, so that `npm run stats` can read it afterwards.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-events-"));
const server = await startNext({
  port,
  owner: true,
  env: {
    DATA_DIR: dataDir,
    SITE_URL: `http://127.0.0.1:${port}`,
    TRUST_PROXY: "1",
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: `http://127.0.0.1:${fakeAddress.port}`,
    MAIL_FROM: "Bench <bench@example.com>",
    CONTACT_TO_EMAIL: "coach@example.com",
    RESEND_SEGMENT_ID: "seg_bench",
    RATE_LIMIT_MAX: "1000000",
  },
});
const store = process.env.DATABASE_URL ? "Postgres server (DATABASE_URL)" : "embedded store (PGlite)";

let reader = 0;
/** One page view from a reader of its own (address, view id), as the beacon posts it. */
async function postEvent() {
  const n = reader++;
  const body = JSON.stringify({
    k: "v",
    i: randomBytes(12).toString("base64url"),
    u: `${pages[n % pages.length]}?utm_source=bench`,
    r: "https://www.example.org/",
  });
  const started = performance.now();
  const response = await fetch(`${server.origin}/api/events`, {
    method: "POST",
    body,
    headers: {
      origin: server.origin,
      "content-type": "text/plain;charset=UTF-8",
      "user-agent": chrome,
      "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
  });
  await response.arrayBuffer();
  if (response.status !== 204) throw new Error(`event ${n}: HTTP ${response.status}`);
  return performance.now() - started;
}

const html = await (await fetch(`${server.origin}/contact`)).text();
const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html.slice(html.indexOf("<main")))?.[1] ?? "";
const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
  ([, name, value]) => [name, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")],
);
let inquiryCount = 0;
async function submitInquiry() {
  const n = inquiryCount++;
  const body = new FormData();
  for (const [name, value] of hidden) body.set(name, value);
  body.set("name", `Bench Person ${n}`);
  body.set("email", `bench${n}.${randomBytes(3).toString("hex")}@example.com`);
  body.set("role", "CTO");
  body.set("message", `Benchmark inquiry number ${n}: what would you like to work on?`);
  body.set("fill_ms", "60000");
  const started = performance.now();
  const response = await fetch(`${server.origin}/contact`, {
    method: "POST",
    body,
    headers: { origin: server.origin, "x-forwarded-for": `172.16.0.${(n % 250) + 1}`, "user-agent": chrome },
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes("Your message has reached")) {
    throw new Error(`inquiry ${n} failed: HTTP ${response.status}`);
  }
  return performance.now() - started;
}

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50_ms: Math.round(percentile(sorted, 50)), p99_ms: Math.round(percentile(sorted, 99)) };
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function inquiries(count) {
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await submitInquiry());
  return samples;
}

async function pageViews() {
  const { stdout } = await promisify(execFile)(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/cli/stats.ts", "--days", "1", "--json"],
    { env: { ...process.env, DATA_DIR: dataDir } },
  ).catch(() => ({ stdout: "" }));
  try {
    return JSON.parse(stdout).pageViews;
  } catch {
    return undefined;
  }
}

try {
  for (let i = 0; i < 20; i++) await postEvent(); // warm-up: the route compiles lazily
  for (let i = 0; i < 3; i++) await submitInquiry();

  // 1. As fast as the route takes them: `concurrency` senders for `seconds`.
  const latencies = [];
  const deadline = performance.now() + Number(options.seconds) * 1000;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: Number(options.concurrency) }, async () => {
      while (performance.now() < deadline) latencies.push(await postEvent());
    }),
  );
  const saturated = {
    run: `events, ${options.concurrency} senders, ${options.seconds} s`,
    events: latencies.length,
    per_second: Math.round(latencies.length / ((performance.now() - started) / 1000)),
    ...stats(latencies),
  };
  await sleep(2000);

  // 2. The inquiry form alone, then during a paced burst of `rate` events a second.
  const quiet = await inquiries(Number(options.inquiries));
  const rate = Number(options.rate);
  let sent = 0;
  let burstRunning = true;
  const burstLatencies = [];
  started = performance.now();
  const burst = (async () => {
    const pending = [];
    while (burstRunning) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (sent < due) {
        sent++;
        pending.push(postEvent().then((ms) => burstLatencies.push(ms)));
      }
      await sleep(5);
    }
    await Promise.all(pending);
  })();
  const loaded = await inquiries(Number(options.inquiries));
  burstRunning = false;
  await burst;
  const burstSeconds = (performance.now() - started) / 1000;

  const rows = [
    saturated,
    {
      run: `events, paced at ${rate}/s during the inquiries`,
      events: burstLatencies.length,
      per_second: Math.round(burstLatencies.length / burstSeconds),
      ...stats(burstLatencies),
    },
    { run: "inquiry, nothing else", events: quiet.length, per_second: null, ...stats(quiet) },
    { run: `inquiry, during ${rate} events/s`, events: loaded.length, per_second: null, ...stats(loaded) },
  ];
  console.log(`store: ${store}`);
  console.table(rows);
  await sleep(2000);
  const written = await pageViews();
  const expected = 20 + saturated.events + burstLatencies.length;
  console.log(`page views in the store: ${written ?? "(could not read)"} of ${expected} accepted`);
  const budgetMs = 10_000;
  console.log(
    `inquiry p99 under the burst: ${stats(loaded).p99_ms} ms, budget ${budgetMs} ms (the answer's deadline): ` +
      (stats(loaded).p99_ms <= budgetMs ? "within" : "OVER"),
  );
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(
    "reports/bench-events.json",
    JSON.stringify({ date: new Date().toISOString(), store, rows, written, expected }, null, 2),
  );
} finally {
  await server.stop();
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
