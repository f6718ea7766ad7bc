import { and, eq, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inquiries, type InquiryRow } from "@/lib/db/schema";
import { giveUpAfterMs, nextAttemptAfter } from "@/lib/mail/backoff";
import { timing } from "@/lib/mail/timing";
import { leaseFree, leaseRows, undelivered, withinKeyWindow, type Clock } from "@/lib/inquiry/store";

// The coach's email: a row is claimed with a lease, sent, then marked delivered or failed.

export type ClaimOptions = Clock & {
  limit?: number;
  leaseMs?: number;
  /** Attempt rows now whatever their back-off, except those attempted since this time (this pass). */
  ignoreBackoffSince?: Date;
};

/**
 * Takes a lease on up to `limit` due inquiries in one statement (`FOR UPDATE SKIP LOCKED`), so two
 * workers never hold the same row; the statement commits before any email is sent.
 */
export async function claimDueInquiries(db: Db, options: ClaimOptions = {}): Promise<InquiryRow[]> {
  const { now = new Date(), limit = 5, leaseMs = timing.leaseMs, ignoreBackoffSince } = options;
  const due = ignoreBackoffSince
    ? or(isNull(inquiries.lastAttemptAt), lt(inquiries.lastAttemptAt, ignoreBackoffSince))
    : lte(inquiries.nextAttemptAt, now);
  return claim(db, and(undelivered, leaseFree(now), withinKeyWindow(now), due)!, limit, now, leaseMs);
}

/** Takes the lease on one inquiry if it is undelivered and nobody holds it (the Server Action's first attempt). */
export async function claimInquiry(db: Db, id: string, options: Clock & { leaseMs?: number } = {}) {
  const { now = new Date(), leaseMs = timing.leaseMs } = options;
  const [row] = await claim(
    db,
    and(eq(inquiries.id, id), undelivered, leaseFree(now), withinKeyWindow(now))!,
    1,
    now,
    leaseMs,
  );
  return row;
}

function claim(db: Db, where: SQL, limit: number, now: Date, leaseMs: number) {
  return leaseRows(
    db,
    { where, order: inquiries.createdAt, limit },
    { now, leaseMs, counted: { attempts: sql`${inquiries.attempts} + 1`, lastAttemptAt: now } },
  );
}

/** Gives back leases taken but not used (a pass that ran out of time), without counting an attempt. */
export async function releaseLeases(db: Db, ids: string[], { now = new Date() }: Clock = {}): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(inquiries)
    .set({ leaseUntil: null, attempts: sql`greatest(${inquiries.attempts} - 1, 0)`, updatedAt: now })
    .where(and(inArray(inquiries.id, ids), undelivered));
}

/** The coach has the email: queue the receipt to the sender, unless the caps skipped it. */
export async function markDelivered(db: Db, id: string, { now = new Date() }: Clock = {}): Promise<void> {
  await db
    .update(inquiries)
    .set({
      status: "delivered",
      deliveredAt: now,
      leaseUntil: null,
      nextAttemptAt: null,
      lastError: null,
      updatedAt: now,
      receiptStatus: sql`coalesce(${inquiries.receiptStatus}, case when ${inquiries.receiptAllowed} then 'pending' else 'skipped' end::receipt_status)`,
      receiptNextAttemptAt: sql`coalesce(${inquiries.receiptNextAttemptAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(inquiries.id, id), undelivered));
}

/** Records a failed attempt: `retrying` with back-off, or `failed` once the key's window is spent. */
export async function recordFailure(
  db: Db,
  row: Pick<InquiryRow, "id" | "attempts" | "keyIssuedAt">,
  error: string,
  { now = new Date() }: Clock = {},
): Promise<{ status: "retrying" | "failed"; nextAttemptAt?: Date }> {
  const next = nextAttemptAfter(row.attempts, row.keyIssuedAt, now);
  const status = next ? "retrying" : "failed";
  await db
    .update(inquiries)
    .set({
      status,
      nextAttemptAt: next ?? null,
      lastError: error.slice(0, 2000),
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(eq(inquiries.id, row.id), undelivered));
  return { status, nextAttemptAt: next };
}

/** Undelivered rows whose key window has passed (the site was down, say) become `failed`. */
export async function failExpired(db: Db, { now = new Date() }: Clock = {}): Promise<InquiryRow[]> {
  return db
    .update(inquiries)
    .set({
      status: "failed",
      nextAttemptAt: null,
      lastError: sql`coalesce(${inquiries.lastError} || '; ', '') || 'not delivered within 23 hours'`,
      updatedAt: now,
    })
    .where(
      and(undelivered, leaseFree(now), lte(inquiries.keyIssuedAt, new Date(now.getTime() - giveUpAfterMs))),
    )
    .returning();
}
