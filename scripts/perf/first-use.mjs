// The first use of a page, measured as a reader on a mid-range phone meets it: the page loads,
// three seconds pass, then the reader scrolls to a form and types, or taps a field and types
// (after the page's own link down to it, where the form is further down), one key every 60 ms,
// or taps the page's button (the newsletter confirmation). What counts is how long the slowest
// of those interactions took to show (Event Timing, input to next paint), the main thread
// blocked after the first input, and the JavaScript that first input pulled in. Why, and the
// figures: docs/measurement.md.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumPath } from "./serve.mjs";

/** The forms' bot check (lib/forms/bot-signals.ts): a form sent sooner is not mailed. */
const MIN_FILL_MS = 3_000;

const TYPED = "reader@example.com";
const KEY_DELAY_MS = 60;
/** Lighthouse's mobile CPU slowdown. */
const CPU_SLOWDOWN = 4;

// Registered before the page's own scripts, so no interaction is missed however late the site's
// own code arrives: Event Timing from 16 ms (the browser's floor), long tasks, the first input.
const observeFromTheStart = () => {
  const seen = { events: [], longTasks: [], firstInput: undefined };
  window.__firstUse = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      seen.events.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      seen.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.firstInput ??= entry.startTime;
  }).observe({ type: "first-input", buffered: true });
};

/**
 * What a scenario touches: the first field of the page's main form, as a reader fills it from
 * the top (tap), the email field of the newsletter band at the foot of the page (scroll), or the
 * main form's button (button).
 * @param {import("@playwright/test").Page} page
 * @param {Scenario} scenario
 */
function target(page, scenario) {
  const main = page.getByRole("main");
  if (scenario === "button") return main.locator('button[type="submit"]').first();
  if (scenario === "tap") return main.locator("form").first().getByRole("textbox").first();
  return page.getByRole("contentinfo").locator('input[type="email"]').first();
}

/** @typedef {"tap" | "scroll" | "button"} Scenario */

/** What a fingertip needs of a control to hit it (WCAG 2.2's minimum target size), in CSS px. */
const FINGERTIP_PX = 24;

/**
 * Where a finger taps `element` as the screen shows it now, without scrolling: the middle of
 * its visible part, or null when less than a fingertip of it is on screen. (Which fields are in
 * the first screen depends on the machine's fonts: a field half-shown at the bottom edge is
 * still tapped where it shows.)
 * @param {import("@playwright/test").Locator} element
 * @returns {Promise<{ x: number, y: number } | null>}
 */
const tapPoint = (element) =>
  element.evaluate((node, fingertip) => {
    const box = node.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, innerHeight);
    return bottom - top >= Math.min(fingertip, box.height)
      ? { x: box.left + box.width / 2, y: (top + bottom) / 2 }
      : null;
  }, FINGERTIP_PX);

/**
 * The main column's in-page link, on screen, to a part of the page that holds `element`; null
 * when there is none.
 * @param {import("@playwright/test").Locator} element
 */
async function linkDownTo(element) {
  const page = element.page();
  const links = page.getByRole("main").locator('a[href^="#"]');
  for (const link of await links.all()) {
    const leads = await link.evaluate(
      (anchor, node) => {
        const target = document.getElementById(decodeURIComponent(anchor.hash.slice(1)));
        return Boolean(target?.contains(node));
      },
      await element.elementHandle(),
    );
    if (leads && (await tapPoint(link))) return link;
  }
  return null;
}

/**
 * Resolves once the page has stopped scrolling (a jump is smooth where the browser or a site's
 * stylesheet asks for it, and lasts a second or more on a slow phone): nobody taps a field that
 * is still moving.
 * @param {import("@playwright/test").Page} page
 */
const scrollSettled = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = scrollY;
        const timer = setInterval(() => {
          if (scrollY === last) {
            clearInterval(timer);
            resolve();
          }
          last = scrollY;
        }, 150);
      }),
  );

/**
 * A tap at `point`, as a finger does it: no scrolling first. On a field, it must land there (on
 * a page still settling, it could land on what moved under the finger).
 * @param {import("@playwright/test").Locator} element
 * @param {{ x: number, y: number }} point
 */
async function tapAt(element, point) {
  await element.page().touchscreen.tap(point.x, point.y);
  const missed = await element.evaluate(
    (node) => (node.tagName === "INPUT" || node.tagName === "TEXTAREA") && node !== document.activeElement,
  );
  if (missed) throw new Error("first use: the tap did not reach the field");
}

/**
 * One fresh browser, one visit, one scenario.
 * @param {string} url
 * @param {Scenario} scenario
 */
async function oneRun(url, scenario) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.addInitScript(observeFromTheStart);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(3_000);
    const touched = target(page, scenario);
    if (scenario === "scroll") {
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(300);
      await touched.tap();
    } else {
      let point = await tapPoint(touched);
      if (!point) {
        // Below the first screen, a reader reaches the form by a scroll (the scroll scenario)
        // or by the page's own link to it (an issue's "Subscribe"): tapped, then, once the
        // page has scrolled there and a moment to see where it led, the form. (A tap right
        // after a programmatic jump is no reader's gesture: it lands before the page settles.)
        const link = await linkDownTo(touched);
        if (!link) return null;
        await tapAt(link, await tapPoint(link));
        await scrollSettled(page);
        await page.waitForTimeout(300);
        point = await tapPoint(touched);
        if (!point) throw new Error(`first use: the link did not bring ${url}'s form into view`);
      }
      await tapAt(touched, point);
    }
    if (scenario !== "button") await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(1_500);
    const kept = scenario === "button" ? TYPED : await touched.inputValue();
    const seen = await page.evaluate(() => {
      const { events, longTasks, firstInput } = window.__firstUse;
      const after = (entry) => firstInput !== undefined && entry.start >= firstInput - 1;
      const js = performance
        .getEntriesByType("resource")
        .filter(
          (entry) =>
            firstInput !== undefined && entry.startTime >= firstInput && /\.js(\?|$)/.test(entry.name),
        );
      return {
        slowestMs: Math.max(0, ...events.filter(after).map((entry) => entry.duration)),
        blockingMs: longTasks.filter(after).reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
        jsKb: js.reduce((sum, entry) => sum + (entry.encodedBodySize || entry.transferSize || 0), 0) / 1024,
      };
    });
    return { ...seen, keptTyping: kept === TYPED };
  } finally {
    await browser.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `runs` fresh-browser visits of one scenario: the slowest interaction's median, best and
 * worst, and whether every run kept every key; null for a tap on a page whose form is below
 * the first screen.
 * @param {string | (() => Promise<string>)} url the page, or where to get a fresh one for each
 *   run (a confirmation link confirms once)
 * @param {Scenario} scenario
 * @param {number} runs
 */
export async function measureFirstUse(url, scenario, runs) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const sample = await oneRun(typeof url === "string" ? url : await url(), scenario);
    if (!sample) return null;
    samples.push(sample);
  }
  const slowest = samples.map((sample) => sample.slowestMs);
  return {
    scenario,
    runs,
    slowestMs: { median: median(slowest), best: Math.min(...slowest), worst: Math.max(...slowest) },
    blockingMsMedian: median(samples.map((sample) => sample.blockingMs)),
    jsKbMedian: Math.round(median(samples.map((sample) => sample.jsKb))),
    keptTyping: samples.every((sample) => sample.keptTyping),
  };
}

/**
 * A confirmation link as a reader gets one: signs up through the newsletter page's form in a
 * browser, then reads the link from the local outbox the server writes its mail to.
 * @param {string} origin
 * @param {string} outboxDir the server's OUTBOX_DIR
 * @param {string} signupPath the newsletter page of the link's language
 * @param {string} email a new address for each link
 * @returns {Promise<string>} the confirmation page's URL on `origin`
 */
export async function confirmationLink(origin, outboxDir, signupPath, email) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}${signupPath}`);
    // As a person sends it: hydrated, and not faster than the forms' bot check allows.
    const form = page.getByRole("main").locator("form").first();
    await page.waitForFunction(() =>
      [...document.forms].every((element) =>
        Object.keys(element).some((key) => key.startsWith("__reactProps$")),
      ),
    );
    await page.waitForFunction((minMs) => performance.now() > minMs, MIN_FILL_MS + 500);
    await form.locator('input[type="email"]').fill(email);
    await form.locator('button[type="submit"]').click();
    const answer = page
      .getByRole("main")
      .locator('[role="status"], [role="alert"]')
      .filter({ hasText: /\S/ });
    await answer.first().waitFor();
    if ((await answer.first().getAttribute("role")) === "alert")
      throw new Error(`confirmationLink: the signup was refused: ${await answer.first().innerText()}`);
  } finally {
    await browser.close();
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const name of fs.readdirSync(outboxDir).filter((file) => file.endsWith(".json"))) {
      const mail = fs.readFileSync(path.join(outboxDir, name), "utf8");
      if (!mail.includes(email)) continue;
      const link = /https?:\/\/[^"\s\\/]+(\/(?:de\/)?newsletter\/[a-z]+\?token=[\w-]+)/.exec(mail);
      if (link) return `${origin}${link[1]}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`confirmationLink: no confirmation mail for ${email} in ${outboxDir} within 30 s`);
}
