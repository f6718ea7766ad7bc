// Loopback load on one page of the running server: how many requests it answers, how fast,
// and what each costs the server.
import autocannon from "autocannon";
import { processGroupCpuMs } from "./cpu-time.mjs";

/**
 * @param {{ origin: string, processGroup: number }} server as `startNext` (./serve.mjs) returns it
 * @param {string} pagePath
 */
export async function throughput(server, pagePath) {
  // Requests per second swing with whatever else the machine runs; the server's CPU time per
  // request does not, so both are reported.
  const cpuBefore = processGroupCpuMs(server.processGroup);
  const result = await autocannon({
    url: `${server.origin}${pagePath}`,
    connections: 10,
    duration: 5,
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  const cpuAfter = processGroupCpuMs(server.processGroup);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null
        ? null
        : Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(3)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
