import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const FAKE_RESEND_PORT = 4010;
export const baseURL = `http://127.0.0.1:${PORT}`;
export const fakeResendURL = `http://127.0.0.1:${FAKE_RESEND_PORT}`;

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
      command: `npx next start -H 127.0.0.1 -p ${PORT}`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        // The origin the pages were built with (canonical URLs are static); tests follow
        // confirmation links by path.
        SITE_URL: process.env.SITE_URL ?? "http://localhost:3000",
        RESEND_API_KEY: "re_test_e2e",
        RESEND_BASE_URL: fakeResendURL,
        MAIL_FROM: "Alex Brandt Coaching <website@mail.example.com>",
        CONTACT_TO_EMAIL: "coach@example.com",
        RESEND_SEGMENT_ID: "seg_newsletter_e2e",
        SIGNING_SECRET: "e2e-signing-secret-that-is-long-enough-0123456789",
      },
    },
  ],
});
