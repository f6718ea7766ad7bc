import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { describeDbError, isDatabaseError } from "@/lib/db/log-error";
import { consents, subscribers, type SubscriberRow } from "@/lib/db/schema";
import { contactSyncGiveUpAfterMs, retryDelay } from "@/lib/mail/backoff";
import type { Mailer } from "@/lib/mail/mailer";
import { describeError } from "@/lib/mail/send";

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
 * Whether the latest consent is the person's own (a double opt-in): only that re-subscribes a
 * contact Resend knows as unsubscribed. An imported list never does.
 */
async function consentedThemselves(db: Db, email: string): Promise<boolean> {
  const [latest] = await db
    .select({ method: consents.method })
    .from(consents)
    .where(eq(consents.email, email))
    .orderBy(desc(consents.recordedAt))
    .limit(1);
  return latest?.method !== "import";
}

/** A failure for the log and the row: a mail error's own words, a query's codes only. */
const describeSyncError = (error: unknown) =>
  isDatabaseError(error) ? describeDbError(error) : describeError(error);

/**
 * Writes one confirmed subscriber to the Resend segment and records the outcome. A failure is
 * never the person's problem: the row is tried again on the back-off schedule, a refusal (4xx:
 * a wrong RESEND_SEGMENT_ID) as much as an outage, for 7 days from the first failure; then it
 * is `failed`, listed by `npm run subscribers` and in the coach's digest.
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
      language: subscriber.language,
      properties: await consentProperties(db, subscriber.email),
      resubscribe: await consentedThemselves(db, subscriber.email),
    });
    await db
      .update(subscribers)
      .set({
        contactSync: "synced",
        contactSyncAttempts: 0,
        contactSyncError: null,
        contactNextSyncAt: null,
        contactSyncFailingSince: null,
        updatedAt: now,
      })
      .where(and(eq(subscribers.email, subscriber.email), eq(subscribers.status, "confirmed")));
    return true;
  } catch (error) {
    const attempts = subscriber.contactSyncAttempts + 1;
    // The first failure of a run (attempts start again at 0 on success or a new confirmation).
    const failingSince =
      subscriber.contactSyncAttempts > 0 && subscriber.contactSyncFailingSince
        ? subscriber.contactSyncFailingSince
        : now;
    const gaveUp = now.getTime() - failingSince.getTime() >= contactSyncGiveUpAfterMs;
    const reason = describeSyncError(error);
    await db
      .update(subscribers)
      .set({
        contactSync: gaveUp ? "failed" : "retrying",
        contactSyncAttempts: attempts,
        contactSyncError: reason,
        contactNextSyncAt: gaveUp ? null : new Date(now.getTime() + retryDelay(attempts)),
        contactSyncFailingSince: failingSince,
        updatedAt: now,
      })
      .where(eq(subscribers.email, subscriber.email));
    console.error(
      `[newsletter] contact sync failed (attempt ${attempts}${gaveUp ? ", given up after 7 days" : ""}): ${reason}`,
    );
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

/** Confirmed subscribers whose contact is not in Resend yet, the ones failing longest first. */
export async function listUnsyncedContacts(
  db: Db,
  {
    failedSince,
    emails,
    limit = 200,
  }: { /** Only those given up since then. */ failedSince?: Date; emails?: string[]; limit?: number } = {},
): Promise<SubscriberRow[]> {
  return db
    .select()
    .from(subscribers)
    .where(
      and(
        eq(subscribers.status, "confirmed"),
        emails ? inArray(subscribers.email, emails) : undefined,
        or(
          inArray(subscribers.contactSync, ["pending", "retrying"]),
          and(
            eq(subscribers.contactSync, "failed"),
            failedSince ? gte(subscribers.updatedAt, failedSince) : undefined,
          ),
        ),
      ),
    )
    .orderBy(asc(sql`coalesce(${subscribers.contactSyncFailingSince}, ${subscribers.createdAt})`))
    .limit(limit);
}

/** Confirmed subscribers by the state of their Resend contact (one query). */
export async function countContactSync(
  db: Db,
): Promise<{ synced: number; pending: number; retrying: number; failed: number }> {
  const rows = await db
    .select({ state: subscribers.contactSync, count: sql<number>`count(*)::int` })
    .from(subscribers)
    .where(eq(subscribers.status, "confirmed"))
    .groupBy(subscribers.contactSync);
  const counts = { synced: 0, pending: 0, retrying: 0, failed: 0 };
  for (const { state, count } of rows) counts[state] = count;
  return counts;
}

/**
 * The coach asks for another round (`npm run subscribers -- retry`, after fixing a setting):
 * the given addresses, or every contact not synced, start their schedule again, due now.
 * Returns the rows as they are now.
 */
export async function restartContactSync(
  db: Db,
  emails: string[] | "all",
  now = new Date(),
): Promise<SubscriberRow[]> {
  return db
    .update(subscribers)
    .set({
      contactSync: "retrying",
      contactSyncAttempts: 0,
      contactNextSyncAt: now,
      contactSyncFailingSince: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(subscribers.status, "confirmed"),
        inArray(subscribers.contactSync, ["pending", "retrying", "failed"]),
        emails === "all" ? undefined : inArray(subscribers.email, emails),
      ),
    )
    .returning();
}
