import type { Db } from "@/lib/db/client";
import type { EmailCaps } from "@/lib/forms/email-caps";
import type { Mailer } from "@/lib/mail/mailer";
import { callBudget, timing, type PassBudget } from "@/lib/mail/timing";
import {
  claimDueConfirmations,
  keyStillValid,
  recordConfirmationFailure,
} from "@/lib/newsletter/confirmation-queue";
import { sendConfirmation } from "@/lib/newsletter/double-opt-in";
import { syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { deleteOldSignups } from "@/lib/newsletter/store";

// What the worker runs for the newsletter, each a task of the maintenance pass (lib/jobs/).

/** Signups never confirmed are deleted after their 7 days. */
export async function deleteExpiredSignups(db: Db, budget: PassBudget) {
  return { deleted: await deleteOldSignups(db, budget.clock()) };
}

/** Confirmed subscribers whose Resend contact is not written yet (a failure at confirmation, an import). */
export async function syncContacts(db: Db, contacts: Pick<Mailer, "subscribe">, budget: PassBudget) {
  return syncPendingContacts(db, contacts, { now: budget.clock(), ignoreBackoff: budget.ignoreBackoff });
}

/**
 * Confirmation emails the requests did not send: lost to a restart, due for another try, or
 * paused by the daily cap (sent once it has room again, oldest first).
 */
export async function sendDueConfirmations(
  db: Db,
  mailer: Pick<Mailer, "send">,
  caps: EmailCaps,
  budget: PassBudget,
) {
  const result = { sent: 0, retrying: 0, paused: 0, failed: 0, dropped: 0 };
  const tried = new Set<string>();
  while (budget.timeLeft() >= timing.minimumSendMs) {
    const includePaused = !(await caps.dailyCapReached());
    const claimed = (
      await claimDueConfirmations(db, {
        now: budget.clock(),
        limit: budget.batchSize,
        ignoreBackoff: budget.ignoreBackoff,
        includePaused,
      })
    ).filter((row) => !tried.has(row.id));
    if (claimed.length === 0) break;
    for (const row of claimed) {
      tried.add(row.id);
      const now = budget.clock();
      if (row.confirmationStatus === "retrying" && row.confirmationEmail && !keyStillValid(row, now)) {
        result[await recordConfirmationFailure(db, row, "not sent within 23 hours", now)] += 1;
        continue;
      }
      const outcome = await sendConfirmation(db, mailer, caps, row, { now, timeoutMs: callBudget(budget) });
      if (outcome === "already-subscribed" || outcome === "capped") result.dropped += 1;
      else result[outcome] += 1;
    }
  }
  return result;
}
