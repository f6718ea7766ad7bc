export declare function mainThreadCpuMs(trace: {
  traceEvents: Array<Record<string, unknown>>;
}): number | null;
export declare function processGroupCpuMs(pgid: number): number | null;
