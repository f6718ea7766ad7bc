import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { budgetProblems } from "@/scripts/perf/report.mjs";

const budgets = JSON.parse(fs.readFileSync("scripts/perf/budgets.json", "utf8"));

function firstUse(slowest: { median: number; best: number; worst: number }, keptTyping = true) {
  return { scenario: "tap", runs: 3, slowestMs: slowest, blockingMsMedian: 0, jsKbMedian: 17, keptTyping };
}

describe("the first-use budgets", () => {
  it("gates the best run of a tap, so one slow run on a busy machine does not fail CI", () => {
    const report = (best: number) => ({
      pages: {},
      firstUse: { "/contact (tap)": firstUse({ median: best + 60, best, worst: best + 200 }) },
    });
    expect(budgetProblems(report(budgets.gate.firstUseBestMs), budgets, true)).toEqual([]);
    expect(budgetProblems(report(budgets.gate.firstUseBestMs + 8), budgets, true)).toEqual([
      expect.stringMatching(/^\/contact \(tap\): first use \(best run\)/),
    ]);
  });

  it("judges the goal on the median, and a lost key whatever the timing", () => {
    const report = {
      pages: {},
      firstUse: {
        "/ (scroll)": firstUse({ median: budgets.strict.firstUseMs + 8, best: 40, worst: 200 }),
        "/de (scroll)": firstUse({ median: 24, best: 16, worst: 32 }, false),
      },
    };
    expect(budgetProblems(report, budgets, false)).toEqual([
      expect.stringMatching(/^\/ \(scroll\): first use \d+ ms > 100 ms/),
      "/de (scroll): first use lost or changed what was typed",
    ]);
    expect(budgetProblems(report, budgets, true)).toEqual([
      "/de (scroll): first use lost or changed what was typed",
    ]);
  });
});
