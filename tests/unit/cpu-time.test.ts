import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mainThreadCpuMs, processGroupCpuMs } from "@/scripts/perf/cpu-time.mjs";

const navigation = {
  name: "navigationStart",
  ph: "R",
  pid: 1,
  tid: 10,
  ts: 1_000,
  args: { data: { documentLoaderURL: "http://127.0.0.1:3000/" } },
};
const task = (fields: Record<string, unknown>) => ({ name: "RunTask", ph: "X", pid: 1, tid: 10, ...fields });

describe("mainThreadCpuMs", () => {
  it("adds the thread time of the page's main-thread tasks from its navigation on", () => {
    const trace = {
      traceEvents: [
        task({ ts: 500, dur: 9_000, tdur: 8_000 }), // before the navigation
        navigation,
        task({ ts: 2_000, dur: 30_000, tdur: 12_000 }), // descheduled for 18 ms: not counted
        task({ ts: 40_000, dur: 5_000, tdur: 4_500 }),
        task({ ts: 50_000, dur: 5_000, tdur: 5_000, tid: 11 }), // another thread
        task({ ts: 60_000, dur: 5_000, tdur: 5_000, pid: 2 }), // another process
        { name: "Layout", ph: "X", pid: 1, tid: 10, ts: 2_100, dur: 3_000, tdur: 3_000 }, // inside a task
      ],
    };
    expect(mainThreadCpuMs(trace)).toBe(16.5);
  });

  it("says so when it cannot tell", () => {
    expect(mainThreadCpuMs({ traceEvents: [task({ ts: 2_000, dur: 1_000, tdur: 900 })] })).toBeNull();
    expect(mainThreadCpuMs({ traceEvents: [navigation, task({ ts: 2_000, dur: 1_000 })] })).toBeNull();
  });
});

describe.runIf(process.platform === "linux")("processGroupCpuMs", () => {
  it("counts the CPU a process group burns, and only that group", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 400; while (Date.now() < end);"], {
      detached: true,
      stdio: "ignore",
    });
    const before = processGroupCpuMs(child.pid!);
    expect(before).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = processGroupCpuMs(child.pid!);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(during! - before!).toBeGreaterThan(50);
    expect(processGroupCpuMs(2 ** 22 + 12_345)).toBe(0);
  });
});
