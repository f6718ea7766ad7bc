// CPU time, the figure other processes' load does not inflate: a busy shared machine stretches
// wall-clock timings (Lighthouse's TBT among them) but not the work a page or a server does.
import fs from "node:fs";

/**
 * Thread time of the page's main-thread tasks in a Lighthouse trace, from its navigation on:
 * what parsing, style, layout, paint and script cost the renderer, however long the operating
 * system kept it waiting.
 * @param {{ traceEvents: Array<Record<string, any>> }} trace
 * @returns {number | null} milliseconds, or null when the trace has no thread clock
 */
export function mainThreadCpuMs(trace) {
  const events = trace.traceEvents;
  const navigation = events.find(
    (event) => event.name === "navigationStart" && event.args?.data?.documentLoaderURL?.startsWith("http"),
  );
  if (!navigation) return null;
  let micros = 0;
  let clocked = false;
  for (const event of events) {
    if (event.ph !== "X" || event.name !== "RunTask" || event.ts < navigation.ts) continue;
    if (event.pid !== navigation.pid || event.tid !== navigation.tid) continue;
    if (typeof event.tdur !== "number") continue;
    clocked = true;
    micros += event.tdur;
  }
  return clocked ? micros / 1000 : null;
}

/**
 * CPU time (user + system) so far of every process in a process group, from /proc.
 * @param {number} pgid
 * @returns {number | null} milliseconds, or null where /proc is not there (not Linux)
 */
export function processGroupCpuMs(pgid) {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node runs on
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}
