type FirstUse = {
  scenario: string;
  runs: number;
  slowestMs: { median: number; best: number; worst: number };
  blockingMsMedian: number;
  jsKbMedian: number;
  keptTyping: boolean;
};
export declare function budgetProblems(
  report: { pages: Record<string, Record<string, unknown>>; firstUse?: Record<string, FirstUse> },
  budgets: { strict: Record<string, number>; gate: Record<string, unknown> },
  check: boolean,
): string[];
