// The first use of a page, measured as a reader on a mid-range phone meets it: the page loads,
// three seconds pass, then the reader scrolls to a form and types, or taps a field and types,
// one key every 60 ms. What counts is how long the slowest of those interactions took to show
// (Event Timing, input to next paint), the main thread blocked after the first input, and the
// JavaScript that first input pulled in. Why, and the figures: docs/measurement.md.
import { chromium } from "@playwright/test";
import { chromiumPath } from "./serve.mjs";

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
 * The form field a scenario types into: the page's main form when it has one in the first
 * screen (tap), else the newsletter band at the foot of the page (scroll).
 * @param {import("@playwright/test").Page} page
 */
async function emailField(page, scenario) {
  if (scenario === "tap") return page.getByRole("main").locator('input[type="email"]').first();
  return page.getByRole("contentinfo").locator('input[type="email"]').first();
}

/**
 * One fresh browser, one visit, one scenario.
 * @param {string} url
 * @param {"tap" | "scroll"} scenario
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
    const field = await emailField(page, scenario);
    if (scenario === "scroll") {
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(300);
    }
    await field.tap();
    await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(1_500);
    const kept = await field.inputValue();
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
 * worst, and whether every run kept every key.
 * @param {string} url
 * @param {"tap" | "scroll"} scenario
 * @param {number} runs
 */
export async function measureFirstUse(url, scenario, runs) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await oneRun(url, scenario));
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
