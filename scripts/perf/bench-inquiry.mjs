// Latency of the booking inquiry's Server Action, end to end: a no-JavaScript form POST to
// `next start` run as `npm start` runs it (the embedded store's owner around it, in a fresh
// temporary DATA_DIR), zod, the rate limiter (in the store), two react-email renders, the
// insert, the lease and two sends to the fake Resend server on 127.0.0.1. Not a test: it
// reports numbers, it does not judge them.
//
//   npm run bench:inquiry -- [--sequential 50] [--concurrent 100] [--concurrency 10] [--resend-latency 0]
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createFakeResend } from "../../tests/fixtures/fake-resend-server.mjs";
import { ensureBuild, percentile, startNext } from "./serve.mjs";

const { values: options } = parseArgs({
  options: {
    sequential: { type: "string", default: "50" },
    concurrent: { type: "string", default: "100" },
    concurrency: { type: "string", default: "10" },
    "resend-latency": { type: "string", default: "0" },
    port: { type: "string", default: "3310" },
  },
});

ensureBuild();
const fake = createFakeResend();
const fakeAddress = await fake.listen(0);
fake.state.delayMs = Number(options["resend-latency"]);
const server = await startNext({
  port: Number(options.port),
  owner: true,
  // With DATABASE_URL set in the environment, that server instead of the embedded store.
  scratch: ["DATA_DIR"],
  env: {
    SITE_URL: `http://127.0.0.1:${options.port}`,
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: `http://127.0.0.1:${fakeAddress.port}`,
    MAIL_FROM: "Bench <bench@example.com>",
    CONTACT_TO_EMAIL: "coach@example.com",
    RESEND_SEGMENT_ID: "seg_bench",
    RATE_LIMIT_MAX: "1000000",
  },
});

try {
  // The hidden fields React renders for a progressively enhanced Server Action form.
  const html = await (await fetch(`${server.origin}/contact`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html.slice(html.indexOf("<main")))?.[1] ?? "";
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    ([, name, value]) => [name, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")],
  );
  if (!hidden.some(([name]) => name.startsWith("$ACTION")))
    throw new Error("no Server Action fields found on /contact");

  let counter = 0;
  async function submit() {
    const n = counter++;
    const body = new FormData();
    for (const [name, value] of hidden) body.set(name, value);
    body.set("name", `Bench Person ${n}`);
    body.set("email", `bench${n}@example.com`);
    body.set("role", "CTO");
    body.set("message", `Benchmark inquiry number ${n}: what would you like to work on?`);
    body.set("fill_ms", "60000");
    const started = performance.now();
    const response = await fetch(`${server.origin}/contact`, {
      method: "POST",
      body,
      headers: { origin: server.origin },
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !text.includes("Your message has reached")) {
      throw new Error(`submission ${n} failed: HTTP ${response.status}`);
    }
    return elapsed;
  }

  const summarize = (label, samples, wallMs) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      run: label,
      submissions: samples.length,
      p50_ms: Math.round(percentile(sorted, 50)),
      p99_ms: Math.round(percentile(sorted, 99)),
      max_ms: Math.round(sorted.at(-1)),
      per_second: Number((samples.length / (wallMs / 1000)).toFixed(1)),
    };
  };

  for (let i = 0; i < 5; i++) await submit(); // warm-up: first renders compile lazily
  fake.reset();
  fake.state.delayMs = Number(options["resend-latency"]);

  const sequential = [];
  let wall = performance.now();
  for (let i = 0; i < Number(options.sequential); i++) sequential.push(await submit());
  const sequentialRow = summarize("sequential", sequential, performance.now() - wall);

  const concurrent = [];
  const total = Number(options.concurrent);
  let next = 0;
  wall = performance.now();
  await Promise.all(
    Array.from({ length: Number(options.concurrency) }, async () => {
      while (next++ < total) concurrent.push(await submit());
    }),
  );
  const concurrentRow = summarize(
    `concurrent (${options.concurrency} at a time)`,
    concurrent,
    performance.now() - wall,
  );

  const expectedEmails = 2 * (sequential.length + concurrent.length);
  const rows = [sequentialRow, concurrentRow];
  console.table(rows);
  console.log(
    `emails received by the fake Resend server: ${fake.state.emails.length} (expected ${expectedEmails})`,
  );
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(
    "reports/bench-inquiry.json",
    `${JSON.stringify({ at: new Date().toISOString(), resendLatencyMs: Number(options["resend-latency"]), rows, emails: fake.state.emails.length }, null, 2)}\n`,
  );
  if (fake.state.emails.length !== expectedEmails) process.exitCode = 1;
} finally {
  await server.stop();
  await fake.close();
}
