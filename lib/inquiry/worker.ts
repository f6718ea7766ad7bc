import type { Db } from "@/lib/db/client";
import { runDeliveryPass, type PassOptions } from "@/lib/inquiry/delivery";
import type { DeliveryMailer } from "@/lib/inquiry/mailer";

/**
 * Runs a delivery pass every `intervalMs` (default one minute) in a long-running server, from
 * instrumentation.ts. Passes never overlap; a failing pass is logged and the timer goes on.
 * Returns `stop`, which resolves once a pass in progress has finished.
 */
export function startDeliveryTimer(
  database: () => Promise<Db>,
  mailer: () => DeliveryMailer,
  options: PassOptions & { intervalMs?: number } = {},
): () => Promise<void> {
  const { intervalMs = 60_000, ...passOptions } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      await runDeliveryPass(await database(), mailer(), {
        deadlineMs: Math.max(intervalMs - 5_000, intervalMs / 2),
        ...passOptions,
      });
    } catch (error) {
      console.error("[inquiry] delivery pass failed:", error instanceof Error ? error.message : error);
    }
  };
  const tick = () => {
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  timer = setTimeout(tick, Math.min(5_000, intervalMs)).unref();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
