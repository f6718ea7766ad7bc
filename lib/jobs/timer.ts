import type { Db } from "@/lib/db/client";
import { describeDbError } from "@/lib/db/log-error";
import type { DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { runMaintenancePass, type PassOptions } from "@/lib/jobs/maintenance";

/**
 * Runs a maintenance pass every `intervalMs` in a long-running server, from instrumentation.ts.
 * Passes never overlap; a failing pass is logged and the timer goes on. Returns `stop`, which
 * resolves once a pass in progress has finished.
 */
export function startMaintenanceTimer(
  database: () => Promise<Db>,
  mailer: () => DeliveryMailer,
  options: PassOptions & { intervalMs?: number } = {},
): () => Promise<void> {
  const { intervalMs = timing.intervalMs, ...passOptions } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      await runMaintenancePass(await database(), mailer(), passOptions);
    } catch (error) {
      console.error(`[jobs] maintenance pass failed: ${describeDbError(error)}`);
    }
  };
  const tick = () => {
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  timer = setTimeout(tick, Math.min(timing.firstPassAfterMs, intervalMs)).unref();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
