import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { consents, subscribers, type SubscriberRow } from "@/lib/db/schema";
import { retryDelay } from "@/lib/mail/backoff";
import type { Mailer } from "@/lib/mail/mailer";
import { MailError } from "@/lib/mail/mailer";
import { describeError } from "@/lib/mail/send";

/** After this many failed attempts a contact is marked failed and left for a person to look at. */
const maxSyncAttempts = 12;

/** The consent evidence Resend keeps on the contact: from the first consent on record. */
async function consentProperties(db: Db, email: string): Promise<Record<string, string>> {
  const [consent] = await db
    .select()
    .from(consents)
    .where(eq(consents.email, email))
    .orderBy(asc(consents.recordedAt))
    .limit(1);
  if (!consent) return {};
  return {
    consent_signed_up_at: consent.signedUpAt.toISOString(),
    ...(consent.confirmedAt && { consent_confirmed_at: consent.confirmedAt.toISOString() }),
    consent_source: consent.form,
    consent_method: consent.method,
    ...(consent.policyVersion && { consent_privacy_policy: consent.policyVersion }),
  };
}

/**
 * Writes one confirmed subscriber to the Resend segment and records the outcome. A failure is
 * never the person's problem: the row stays due and a later pass tries again.
 */
export async function syncContact(
  db: Db,
  mailer: Pick<Mailer, "subscribe">,
  subscriber: SubscriberRow,
  now = new Date(),
): Promise<boolean> {
  try {
    await mailer.subscribe({
      email: subscriber.email,
      firstName: subscriber.firstName ?? undefined,
      properties: await consentProperties(db, subscriber.email),
    });
    await db
      .update(subscribers)
      .set({ contactSync: "synced", contactSyncError: null, contactNextSyncAt: null, updatedAt: now })
      .where(and(eq(subscribers.email, subscriber.email), eq(subscribers.status, "confirmed")));
    return true;
  } catch (error) {
    const attempts = subscriber.contactSyncAttempts + 1;
    const gaveUp = (error instanceof MailError && !error.retryable) || attempts >= maxSyncAttempts;
    const wait = retryDelay(attempts);
    await db
      .update(subscribers)
      .set({
        contactSync: gaveUp ? "failed" : "retrying",
        contactSyncAttempts: attempts,
        contactSyncError: describeError(error),
        contactNextSyncAt: gaveUp ? null : new Date(now.getTime() + wait),
        updatedAt: now,
      })
      .where(eq(subscribers.email, subscriber.email));
    console.error(`[newsletter] contact sync failed (attempt ${attempts}):`, describeError(error));
    return false;
  }
}

/**
 * Syncs the confirmed subscribers whose Resend contact is not written yet (a failure at
 * confirmation, an imported list), oldest first. Run by the delivery worker and by the import.
 */
export async function syncPendingContacts(
  db: Db,
  mailer: Pick<Mailer, "subscribe">,
  {
    limit = 50,
    now = new Date(),
    ignoreBackoff = false,
  }: { limit?: number; now?: Date; /** `npm run deliver`: try them all now. */ ignoreBackoff?: boolean } = {},
): Promise<{ synced: number; failed: number }> {
  const due = await db
    .select()
    .from(subscribers)
    .where(
      and(
        eq(subscribers.status, "confirmed"),
        inArray(subscribers.contactSync, ["pending", "retrying"]),
        ignoreBackoff
          ? undefined
          : or(isNull(subscribers.contactNextSyncAt), lte(subscribers.contactNextSyncAt, now)),
      ),
    )
    .orderBy(asc(sql`coalesce(${subscribers.contactNextSyncAt}, ${subscribers.createdAt})`))
    .limit(limit);
  let synced = 0;
  for (const subscriber of due) {
    if (await syncContact(db, mailer, subscriber, now)) synced += 1;
  }
  return { synced, failed: due.length - synced };
}
