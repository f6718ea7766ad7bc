// First-party analytics end to end (issue 24): a reader lands from a campaign link, reads three
// pages and sends an inquiry; `npm run stats -- --json` shows the views, one visitor and the
// inquiry attributed to that source and landing page. No cookie is set, no request leaves the
// origin, and a bot's visit is not counted.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { send, thanks, valid } from "./inquiry-form";
import { runCommand } from "./site-commands";

type Stats = {
  visitors: number;
  pageViews: number;
  topSources: { source: string; visitors: number }[];
  conversionsBySource: { source: string; visitors: number; inquiry: number; rate: number }[];
  conversionsByLandingPage: { path: string; inquiry: number }[];
  webVitals: { path: string; samples: number }[];
};

const stats = async (): Promise<Stats> => JSON.parse(await runCommand("stats", "--days", "1", "--json"));

/** Goes to `path` and waits until the beacon has sent the page view. */
async function visit(page: Page, path: string) {
  const beacon = page.waitForRequest(
    (request) => request.url() === `${baseURL}/api/events` && (request.postData() ?? "").includes('"k":"v"'),
    { timeout: 20_000 },
  );
  await page.goto(path);
  await beacon;
}

test("counts views, one visitor and an attributed inquiry, with no cookie and nothing leaving the origin", async ({
  page,
  context,
}) => {
  const source = `e2e-${randomBytes(3).toString("hex")}`;
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  const before = await stats();

  // Real time, not the fake clock the form tests use: the beacon loads at idle after `load`.
  await visit(page, `/vp-engineering-coaching?utm_source=${source}&utm_medium=e2e`);
  // The view's end (time on page, Web Vitals) goes on `pagehide`. A beacon sent while a page
  // really closes reaches the server without the test's X-Forwarded-For (it would count as
  // another client), so the landing page's end is sent while it is still open.
  const ended = page.waitForRequest(
    (request) => request.url() === `${baseURL}/api/events` && (request.postData() ?? "").includes('"k":"e"'),
  );
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  await ended;
  await visit(page, "/faq");
  await visit(page, "/contact");
  const form = page.getByRole("main").locator("form");
  await form.getByLabel("Name").fill(valid.name);
  await form.getByLabel("Email").fill(valid.email);
  await form.getByLabel("What would you like to work on?").fill(valid.message);
  // Past the minimum fill time, so the inquiry is not held as a possible bot.
  await page.waitForTimeout(3_500);
  await send(page);
  await expect(thanks(page)).toContainText("Alex Brandt");
  await page.goto("about:blank");

  await expect(async () => {
    const after = await stats();
    expect(after.pageViews - before.pageViews).toBe(3);
    expect(after.visitors - before.visitors).toBe(1);
    expect(after.topSources).toContainEqual({ source, visitors: 1 });
    expect(after.conversionsBySource).toContainEqual(
      expect.objectContaining({ source, visitors: 1, inquiry: 1, rate: 1 }),
    );
    expect(after.conversionsByLandingPage).toContainEqual(
      expect.objectContaining({ path: "/vp-engineering-coaching", inquiry: expect.any(Number) }),
    );
    expect(after.webVitals.map((row) => row.path)).toContain("/vp-engineering-coaching");
  }).toPass({ timeout: 30_000 });

  expect(await context.cookies()).toEqual([]);
  expect(foreign).toEqual([]);
});

test("does not count a bot", async ({ browser, clientIp }) => {
  const source = `e2e-bot-${randomBytes(3).toString("hex")}`;
  const context = await browser.newContext({
    userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  const page = await context.newPage();
  const before = await stats();
  const answered = page.waitForResponse((response) => response.url() === `${baseURL}/api/events`, {
    timeout: 20_000,
  });
  await page.goto(`/?utm_source=${source}`);
  await page.keyboard.press("Shift");
  // The beacon posts; the route answers as always, and counts nothing.
  expect((await answered).status()).toBe(204);
  await page.waitForTimeout(1500);
  const after = await stats();
  expect(after.pageViews).toBe(before.pageViews);
  expect(after.topSources.map((row) => row.source)).not.toContain(source);
  await context.close();
});
