import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Overridable so that two copies of the project can run their suites side by side.
const PORT = Number(process.env.E2E_PORT) || 3100;
const FAKE_RESEND_PORT = Number(process.env.E2E_FAKE_RESEND_PORT) || 4010;
export const baseURL = `http://127.0.0.1:${PORT}`;
export const fakeResendURL = `http://127.0.0.1:${FAKE_RESEND_PORT}`;

// Each run starts from a fresh store. The config is loaded again in every worker, which inherits
// the runner's environment: the folder is made once, by the runner, which removes it when it
// exits (after its web servers have stopped).
if (!process.env.E2E_DATA_DIR) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-store-"));
  process.env.E2E_DATA_DIR = dataDir;
  process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
}
export const e2eDataDir = process.env.E2E_DATA_DIR;

/**
 * The suite runs one `next start`, so one booking setting: set, to test the hand-off end to end
 * (tests/e2e/booking.spec.ts). Unset, the action and the receipt are covered by unit tests of the
 * same builders (tests/unit/booking.test.tsx, form-actions.test.ts). Pages built without it
 * (the privacy page) stay as they are: static pages read the build's environment.
 */
export const e2eBookingUrl = "https://cal.com/alex-brandt-e2e/intro-call?duration=30";

/** The site's mail settings, shared by `next start` and the commands the tests run beside it. */
export const e2eMailEnv = {
  // The origin the pages were built with (canonical URLs are static); tests follow
  // confirmation links by path.
  SITE_URL: process.env.SITE_URL ?? "http://localhost:3000",
  RESEND_API_KEY: "re_test_e2e",
  RESEND_BASE_URL: fakeResendURL,
  MAIL_FROM: "Alex Brandt Coaching <website@mail.example.com>",
  CONTACT_TO_EMAIL: "coach@example.com",
  RESEND_SEGMENT_ID: "seg_newsletter_e2e",
  // Standard Webhooks secret format: "whsec_" and base64; the tests sign their webhook calls with it.
  RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from("e2e-webhook-secret-0123456789abcdef").toString("base64")}`,
  DATA_DIR: e2eDataDir,
  DATABASE_URL: "",
  BOOKING_URL: e2eBookingUrl,
};

// Debian's chromium where there is one (Playwright cannot download browsers on every machine);
// Playwright's own browser everywhere else.
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // One next start and one fake Resend server hold shared state; tests reset it, serially.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // The longer journeys (six submissions, signup then confirm twice) take 20–30 s on a busy
  // 2-core machine; a minute leaves room without hiding a hang.
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumPath ? { executablePath: chromiumPath, args: ["--no-sandbox"] } : {},
      },
    },
  ],
  webServer: [
    {
      command: "node tests/fixtures/fake-resend-server.mjs",
      url: `${fakeResendURL}/health`,
      env: { FAKE_RESEND_PORT: String(FAKE_RESEND_PORT) },
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      // As `npm start` runs it: the owner of the embedded store around `next start`.
      command: `npx tsx --conditions=react-server scripts/start.ts -- npx next start -H 127.0.0.1 -p ${PORT}`,
      url: baseURL,
      reuseExistingServer: false,
      // The first open of a new store (initdb) takes several seconds on a busy machine.
      timeout: 120_000,
      // The tests pretend to be one proxy's clients, each with its own X-Forwarded-For
      // (tests/e2e/fixtures.ts); client-address.spec.ts runs a site without a proxy.
      env: { NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "1", ...e2eMailEnv },
    },
  ],
});
