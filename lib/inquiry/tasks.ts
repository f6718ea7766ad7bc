import type { Db } from "@/lib/db/client";
import type { DeliveryMailer } from "@/lib/mail/send";
import { callBudget, timing, type PassBudget } from "@/lib/mail/timing";
import { attemptCoachEmail, attemptReceipt } from "@/lib/inquiry/delivery";
import { claimDueInquiries, failExpired, releaseLeases } from "@/lib/inquiry/queue";
import { claimDueReceipts, failExpiredReceipts } from "@/lib/inquiry/receipts";
import { deleteExpiredInquiries } from "@/lib/inquiry/store";

// What the worker runs for inquiries, each a task of the maintenance pass (lib/jobs/).

const enoughTime = (budget: PassBudget) => budget.timeLeft() >= timing.minimumSendMs;

/** The coach's emails: gives up the expired ones, then sends what is due, batch by batch. */
export async function deliverDueInquiries(db: Db, mailer: DeliveryMailer, budget: PassBudget) {
  const result = { delivered: [] as string[], retrying: [] as string[], failed: [] as string[] };
  const passStartedAt = budget.clock();
  for (const row of await failExpired(db, { now: budget.clock() })) {
    console.error(`[inquiry] ${row.id} failed: not delivered to the coach within 23 hours`);
    result.failed.push(row.id);
  }
  while (enoughTime(budget)) {
    const claimed = await claimDueInquiries(db, {
      now: budget.clock(),
      limit: budget.batchSize,
      ignoreBackoffSince: budget.ignoreBackoff ? passStartedAt : undefined,
    });
    if (claimed.length === 0) break;
    for (const [index, row] of claimed.entries()) {
      if (!enoughTime(budget)) {
        const unsent = claimed.slice(index).map((rest) => rest.id);
        await releaseLeases(db, unsent, { now: budget.clock() });
        break;
      }
      const outcome = await attemptCoachEmail(db, mailer, row, callBudget(budget), budget.clock);
      if (outcome !== "erased") result[outcome].push(row.id);
    }
  }
  return result;
}

/** Receipts to the senders: gives up the expired ones, then sends what is due. */
export async function sendDueReceipts(db: Db, mailer: DeliveryMailer, budget: PassBudget) {
  const result = {
    delivered: 0,
    retrying: 0,
    failed: await failExpiredReceipts(db, { now: budget.clock() }),
  };
  const tried: string[] = [];
  while (enoughTime(budget)) {
    const claimed = await claimDueReceipts(db, {
      now: budget.clock(),
      limit: budget.batchSize,
      ignoreBackoff: budget.ignoreBackoff,
      exclude: tried,
    });
    if (claimed.length === 0) break;
    for (const row of claimed) {
      tried.push(row.id);
      // Out of time: its lease runs out by itself; a receipt is never urgent.
      if (!enoughTime(budget)) continue;
      const outcome = await attemptReceipt(db, mailer, row, callBudget(budget), budget.clock);
      if (outcome !== "erased") result[outcome] += 1;
    }
  }
  return result;
}

/** Inquiries past INQUIRY_RETENTION_DAYS are deleted. */
export async function deleteOldInquiries(db: Db, retentionDays: number, budget: PassBudget) {
  return { deleted: await deleteExpiredInquiries(db, retentionDays, { now: budget.clock() }) };
}
