import type { Db } from "@/lib/db/client";
import type { Mailer } from "@/lib/mail/mailer";
import type { PassBudget } from "@/lib/mail/timing";
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
