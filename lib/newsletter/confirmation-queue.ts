import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { newsletterSignups, type SignupRow, type StoredEmail } from "@/lib/db/schema";
import { giveUpAfterMs, nextAttemptAfter } from "@/lib/mail/backoff";
import { timing } from "@/lib/mail/timing";
import { hashToken, linkLifetimeMs, newToken } from "@/lib/newsletter/store";

// The confirmation email's queue: a signup row is claimed with a lease, its email sent, then
// marked sent, paused (the daily cap), retrying or failed. The same states as an inquiry's.

/** A queued row nobody picked up within this long lost its request's deferred send (a restart). */
const orphanedAfterMs = timing.leaseMs;

const leaseFree = (now: Date) =>
  or(isNull(newsletterSignups.confirmationLeaseUntil), lte(newsletterSignups.confirmationLeaseUntil, now));
const unconfirmed = isNull(newsletterSignups.confirmedAt);

async function lease(db: Db, where: SQL, limit: number, now: Date): Promise<SignupRow[]> {
  const candidates = db
    .select({ id: newsletterSignups.id })
    .from(newsletterSignups)
    .where(and(where, unconfirmed, leaseFree(now)))
    .orderBy(asc(newsletterSignups.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(newsletterSignups)
    .set({ confirmationLeaseUntil: new Date(now.getTime() + timing.leaseMs) })
    .where(inArray(newsletterSignups.id, candidates))
    .returning();
}

/** The request's own send, right after its answer: the row it just stored, if nobody took it. */
export async function claimQueuedSignup(
  db: Db,
  id: string,
  now = new Date(),
): Promise<SignupRow | undefined> {
  const [row] = await lease(
    db,
    and(eq(newsletterSignups.id, id), eq(newsletterSignups.confirmationStatus, "queued"))!,
    1,
    now,
  );
  return row;
}

/**
 * What the worker sends: rows whose request lost its send, rows due for another try, and, while
 * the daily cap has room (`includePaused`), rows paused by it.
 */
export async function claimDueConfirmations(
  db: Db,
  { now = new Date(), limit = 5, ignoreBackoff = false, includePaused = false } = {},
): Promise<SignupRow[]> {
  const status = newsletterSignups.confirmationStatus;
  const due = or(
    and(eq(status, "queued"), lte(newsletterSignups.createdAt, new Date(now.getTime() - orphanedAfterMs))),
    and(
      eq(status, "retrying"),
      ignoreBackoff ? undefined : lte(newsletterSignups.confirmationNextAttemptAt, now),
    ),
    includePaused ? eq(status, "paused") : undefined,
  )!;
  return lease(db, due, limit, now);
}

/**
 * A row about to be sent for the first time: a fresh token when the one its request made is
 * gone (a restart, a pause), its 48 hours counted from now, and the email kept until it is
 * sent, so a retry repeats the same bytes under the same key.
 */
export async function prepareSend(
  db: Db,
  id: string,
  render: (token: string, expiresAt: Date) => Promise<StoredEmail>,
  { token = newToken(), now = new Date() }: { token?: string; now?: Date } = {},
): Promise<StoredEmail> {
  const expiresAt = new Date(now.getTime() + linkLifetimeMs);
  const email = await render(token, expiresAt);
  await db
    .update(newsletterSignups)
    .set({
      tokenHash: hashToken(token),
      expiresAt,
      confirmationEmail: email,
      confirmationStatus: "retrying",
      confirmationKeyIssuedAt: now,
      // A send cut off by a restart is repeated by the worker once the lease has run out.
      confirmationNextAttemptAt: new Date(now.getTime() + timing.leaseMs),
    })
    .where(eq(newsletterSignups.id, id));
  return email;
}

export async function markConfirmationSent(db: Db, id: string): Promise<void> {
  await db
    .update(newsletterSignups)
    .set({
      confirmationStatus: "sent",
      confirmationEmail: null,
      confirmationNextAttemptAt: null,
      confirmationLastError: null,
      confirmationLeaseUntil: null,
    })
    .where(eq(newsletterSignups.id, id));
}

/** The daily cap is used up: the row waits, its link not yet made, until the cap resets. */
export async function pauseConfirmation(db: Db, id: string): Promise<void> {
  await db
    .update(newsletterSignups)
    .set({ confirmationStatus: "paused", confirmationLeaseUntil: null })
    .where(eq(newsletterSignups.id, id));
}

/** A failed send that may pass: tried again on the back-off schedule for 23 hours, then failed. */
export async function recordConfirmationFailure(
  db: Db,
  row: Pick<SignupRow, "id" | "confirmationAttempts" | "confirmationKeyIssuedAt">,
  error: string,
  now = new Date(),
): Promise<"retrying" | "failed"> {
  const attempts = row.confirmationAttempts + 1;
  const next = nextAttemptAfter(attempts, row.confirmationKeyIssuedAt ?? now, now);
  const status = next ? "retrying" : "failed";
  await db
    .update(newsletterSignups)
    .set({
      confirmationStatus: status,
      confirmationAttempts: attempts,
      confirmationNextAttemptAt: next ?? null,
      confirmationLastError: error.slice(0, 500),
      confirmationLeaseUntil: null,
      // Given up: nothing more will be sent, so the link it carried is not kept either.
      ...(next ? {} : { confirmationEmail: null }),
    })
    .where(eq(newsletterSignups.id, row.id));
  return status;
}

/** Whether a retrying row's key is still one Resend remembers. */
export function keyStillValid(row: Pick<SignupRow, "confirmationKeyIssuedAt">, now: Date): boolean {
  return (
    !!row.confirmationKeyIssuedAt && now.getTime() - row.confirmationKeyIssuedAt.getTime() < giveUpAfterMs
  );
}

/** Confirmations the daily cap holds back, and those given up, for the coach's digest. */
export async function countHeldConfirmations(db: Db): Promise<{ paused: number; failed: number }> {
  const rows = await db
    .select({ status: newsletterSignups.confirmationStatus, count: sql<number>`count(*)::int` })
    .from(newsletterSignups)
    .where(and(unconfirmed, inArray(newsletterSignups.confirmationStatus, ["paused", "failed"])))
    .groupBy(newsletterSignups.confirmationStatus);
  const counts = { paused: 0, failed: 0 };
  for (const row of rows) counts[row.status as keyof typeof counts] = row.count;
  return counts;
}
