// What the bench makes of its runs: medians with their spread, the table people read, the JSON
// in reports/, and what the budgets (scripts/perf/budgets.json) say about the figures.
import fs from "node:fs";
import { percentile } from "./serve.mjs";

const TIMINGS = ["fcpMs", "lcpMs", "tbtMs", "mainThreadCpuMs", "cls"];
const SCORES = ["performance", "accessibility", "bestPractices", "seo"];

const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const kb = (bytes) => Number((bytes / 1024).toFixed(1));
const ms = (value) => Math.round(value);
const spread = (m, key, format = ms) => `${format(m[`${key}Best`])}–${format(m[`${key}Worst`])}`;

/** Median of every figure, plus best and worst of each timing and score across the runs. */
export function summarize(samples) {
  const result = {};
  for (const key of [...SCORES, ...TIMINGS, "totalBytes", "scriptBytes", "benchmarkIndex"])
    result[key] = median(samples.map((sample) => sample[key]));
  for (const key of [...TIMINGS, ...SCORES]) {
    const values = samples.map((sample) => sample[key]);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    const lowerIsBetter = TIMINGS.includes(key);
    result[`${key}Best`] = lowerIsBetter ? low : high;
    result[`${key}Worst`] = lowerIsBetter ? high : low;
  }
  const figureKeys = [...SCORES, ...TIMINGS, "benchmarkIndex"];
  result.samples = samples.map((sample) => Object.fromEntries(figureKeys.map((key) => [key, sample[key]])));
  result.failing = [...new Set(samples.flatMap((sample) => sample.failing))];
  result.seoFailing = [...new Set(samples.flatMap((sample) => sample.seoFailing))];
  return result;
}

/** Lighthouse's benchmarkIndex over every run: how fast, and how busy, the machine was. */
export function benchmarkIndexRange(pages) {
  const indexes = Object.values(pages).flatMap((page) =>
    ["mobile", "desktop"].flatMap(
      (formFactor) => page[formFactor]?.samples.map((sample) => sample.benchmarkIndex) ?? [],
    ),
  );
  return { median: median(indexes), min: Math.min(...indexes), max: Math.max(...indexes) };
}

export function printTables(report) {
  // A first-use-only run has no Lighthouse figures.
  const audited = Object.entries(report.pages).filter(([, page]) => page.mobile);
  const rows = audited.map(([key, page]) => {
    const m = page.mobile;
    const d = page.desktop;
    const load = report.throughput?.[page.path];
    return {
      page: key,
      perf: m.performance,
      "a11y/bp/seo": `${m.accessibility}/${m.bestPractices}/${m.seo}`,
      "FCP ms": ms(m.fcpMs),
      "LCP ms": ms(m.lcpMs),
      "LCP best–worst": spread(m, "lcpMs"),
      "TBT ms": ms(m.tbtMs),
      "TBT best–worst": spread(m, "tbtMs"),
      "main CPU ms": `${ms(m.mainThreadCpuMs)} (${spread(m, "mainThreadCpuMs")})`,
      "CLS worst": Number(m.clsWorst.toFixed(3)),
      ...(d && { "d perf": d.performance, "d LCP ms": ms(d.lcpMs), "d TBT ms": ms(d.tbtMs) }),
      "HTML gz KB": kb(page.htmlGzipBytes),
      "JS gz KB": kb(page.clientJs.bytes),
      "flight gz KB": kb(page.flightGzipBytes),
      ...(load && {
        "req/s": load.requestsPerSecond,
        "p50/p99 ms": `${load.p50Ms}/${load.p99Ms}`,
        "CPU ms/req": load.cpuMsPerRequest,
      }),
    };
  });
  if (rows.length) {
    console.log(
      `Lighthouse 12, mobile (simulated throttling) unless marked d (desktop); ${report.runs} runs per page, ` +
        `a fresh Chrome each (more where the gate resampled); medians, with best–worst. benchmarkIndex ${ms(report.benchmarkIndex.median)} ` +
        `(${ms(report.benchmarkIndex.min)}–${ms(report.benchmarkIndex.max)}).`,
    );
    console.table(rows);
  }
  if (report.firstUse) {
    console.log(
      `\nFirst use (slowest interaction from the first input, Event Timing, 4x CPU; ${report.runs} runs, a fresh Chrome each):`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(report.firstUse).map(([key, use]) => [
          key,
          use.error
            ? { "median ms": "failed", "best–worst ms": use.error.slice(0, 60) }
            : {
                "median ms": use.slowestMs.median,
                "best–worst ms": `${use.slowestMs.best}–${use.slowestMs.worst}`,
                "blocking ms": Math.round(use.blockingMsMedian),
                "JS KB": use.jsKbMedian,
                "keys kept": use.keptTyping ? "yes" : "NO",
              },
        ]),
      ),
    );
  }
}

export function writeReport(report, file) {
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON: ${file}`);
}

/**
 * The budgets missed, one line each: the strict goal on medians (read by a person), or with
 * `check` the CI gate.
 */
export function budgetProblems(report, budgets, check) {
  const problems = [];
  for (const [key, page] of Object.entries(report.pages)) {
    const m = page.mobile;
    if (!m) continue;
    const expect = (name, ok, detail) => {
      if (!ok) problems.push(`${key}: ${name} ${detail}`);
    };
    if (check) {
      const gate = budgets.gate;
      for (const score of ["accessibility", "bestPractices"])
        expect(score, m[score] >= gate[score], `${m[score]} < ${gate[score]} (${m.failing.join(", ")})`);
      // The 404 page is noindex on purpose: only the audits exempt there may fail.
      const seoExempt = key === "404" ? budgets.notFoundSeoExempt : [];
      const onlyExemptFailed = m.seoFailing.length > 0 && m.seoFailing.every((id) => seoExempt.includes(id));
      expect(
        "seo",
        m.seo >= gate.seo || onlyExemptFailed,
        `${m.seo} < ${gate.seo} (${m.seoFailing.join(", ")})`,
      );
      expect("CLS (worst run)", m.clsWorst <= gate.clsWorst, `${m.clsWorst} > ${gate.clsWorst}`);
      expect("TBT (best run)", m.tbtMsBest <= gate.tbtBestMs, `${ms(m.tbtMsBest)} ms > ${gate.tbtBestMs} ms`);
      expect("LCP (median)", m.lcpMs <= gate.lcpMedianMs, `${ms(m.lcpMs)} ms > ${gate.lcpMedianMs} ms`);
      // Thread time: what the page costs the main thread whatever else the machine runs, so it
      // can be held tighter than any wall-clock timing. The pages whose form is in the first
      // screen hydrate at idle inside the trace, which scales with the machine's speed.
      const cpuBudget = gate.mainThreadCpuMedianMs[key] ?? gate.mainThreadCpuMedianMs.default;
      expect(
        "main-thread CPU (median)",
        m.mainThreadCpuMs !== null && m.mainThreadCpuMs <= cpuBudget,
        `${ms(m.mainThreadCpuMs)} ms > ${cpuBudget} ms`,
      );
      const jsBudget = gate.clientJsGzipKb[key] ?? gate.clientJsGzipKb.default;
      expect(
        "clientJs",
        kb(page.clientJs.bytes) <= jsBudget,
        `${kb(page.clientJs.bytes)} KB gzipped > ${jsBudget} KB`,
      );
    } else {
      const strict = budgets.strict;
      expect("performance", m.performance >= strict.performance, `${m.performance} < ${strict.performance}`);
      expect("TBT", m.tbtMs <= strict.tbtMs, `${ms(m.tbtMs)} ms > ${strict.tbtMs} ms`);
      expect("LCP", m.lcpMs <= strict.lcpMs, `${ms(m.lcpMs)} ms > ${strict.lcpMs} ms`);
      expect("CLS", m.cls <= strict.cls, `${m.cls} > ${strict.cls}`);
    }
  }
  for (const [key, use] of Object.entries(report.firstUse ?? {})) {
    if (use.error) {
      problems.push(`${key}: first use not measured: ${use.error}`);
      continue;
    }
    if (!use.keptTyping) problems.push(`${key}: first use lost or changed what was typed`);
    if (check && use.slowestMs.best > budgets.gate.firstUseBestMs)
      problems.push(
        `${key}: first use (best run) ${use.slowestMs.best} ms > ${budgets.gate.firstUseBestMs} ms`,
      );
    if (!check && use.slowestMs.median > budgets.strict.firstUseMs)
      problems.push(`${key}: first use ${use.slowestMs.median} ms > ${budgets.strict.firstUseMs} ms`);
  }
  return problems;
}

export function printVerdict(problems, check) {
  const which = check ? "CI gate" : "strict budgets (medians)";
  if (problems.length) {
    console.error(`\n${which} missed (scripts/perf/budgets.json):\n  - ${problems.join("\n  - ")}`);
  } else {
    console.log(`\n${which}: all met.`);
  }
}
