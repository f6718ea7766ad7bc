// One Lighthouse run of one page, reduced to the figures the bench reports. The full report
// of each page's latest run, per form factor, is kept in reports/lighthouse/ for a closer look.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { mainThreadCpuMs } from "./cpu-time.mjs";
import { chromiumPath } from "./serve.mjs";

// As root (CI runs as root), Lighthouse cannot connect to a Chrome started with its sandbox.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Lighthouse on `url` in a Chrome started for this run alone, as Lighthouse's CLI does: a
 * reused browser carries caches, compiled code and warmed-up processes from one run into the
 * next, which no visitor has.
 * @param {string} url
 * @param {"mobile" | "desktop"} formFactor
 */
export async function lighthouseInFreshChrome(url, formFactor) {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
  try {
    return await runLighthouse(url, formFactor, chrome.port);
  } finally {
    await chrome.kill();
  }
}

async function runLighthouse(url, formFactor, port, attempt = 1) {
  const flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  };
  const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
  if (result.lhr.runtimeError) {
    // Lighthouse occasionally loses a trace (NO_NAVSTART) on a busy machine: measure again.
    if (attempt < 3) return runLighthouse(url, formFactor, port, attempt + 1);
    throw new Error(`Lighthouse could not measure ${url}: ${result.lhr.runtimeError.message}`);
  }
  fs.mkdirSync("reports/lighthouse", { recursive: true });
  fs.writeFileSync(
    `reports/lighthouse/${new URL(url).pathname.replace(/\W+/g, "_")}-${formFactor}.json`,
    result.report,
  );
  return figures(result);
}

function figures({ lhr, artifacts }) {
  const { categories, audits } = lhr;
  const failed = (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary";
  const scriptBytes =
    audits["resource-summary"].details.items.find((item) => item.resourceType === "script")?.transferSize ??
    0;
  return {
    benchmarkIndex: lhr.environment.benchmarkIndex,
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    bestPractices: Math.round(categories["best-practices"].score * 100),
    seo: Math.round(categories.seo.score * 100),
    fcpMs: audits["first-contentful-paint"].numericValue,
    lcpMs: audits["largest-contentful-paint"].numericValue,
    tbtMs: audits["total-blocking-time"].numericValue,
    mainThreadCpuMs: mainThreadCpuMs(artifacts.Trace),
    cls: audits["cumulative-layout-shift"].numericValue,
    totalBytes: audits["total-byte-weight"].numericValue,
    scriptBytes,
    failing: Object.values(audits)
      .filter(failed)
      .map((audit) => audit.id),
    seoFailing: categories.seo.auditRefs
      .filter(
        (ref) => ref.weight > 0 && (failed(audits[ref.id]) || audits[ref.id].scoreDisplayMode === "error"),
      )
      .map((ref) => ref.id),
  };
}
