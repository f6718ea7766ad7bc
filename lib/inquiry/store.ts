import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  inquiries,
  type InquiryPayload,
  type InquiryRow,
  type InquiryStatus,
  type StoredEmail,
} from "@/lib/db/schema";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, ... failed attempt; the last repeats. */
export const retrySchedule = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
/** Resend keeps an idempotency key 24 hours: past 23, a retry could send a second email. */
export const giveUpAfterMs = 23 * HOUR;
/** The last attempt is made this long before giving up, not after. */
const lastChanceMarginMs = 1 * MINUTE;
export const dedupeWindowMs = 24 * HOUR;
/** Longer than any one send may take (each call is bounded well below this). */
export const defaultLeaseMs = 2 * MINUTE;

type Clock = { now?: Date };

const collapse = (value: string | undefined) => (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();

/** The same words from the same address, whatever the spacing or letter case of the address. */
export function dedupeKeyFor(payload: InquiryPayload): string {
  const canonical = JSON.stringify([
    collapse(payload.name),
    collapse(payload.email).toLowerCase(),
    collapse(payload.company),
    collapse(payload.role),
    collapse(payload.message),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type NewInquiry = {
  payload: InquiryPayload;
  coachEmail: StoredEmail;
  receiptEmail: StoredEmail;
  /** Kept for the coach but not emailed (a possible bot caught only by the fill-time check). */
  heldReason?: string;
  /** False when the sender's address has had its receipts for the day (lib/forms/email-caps.ts). */
  receiptAllowed?: boolean;
};

export type StoredInquiry = { inquiry: InquiryRow; duplicate: boolean };

/**
 * Stores an inquiry before any email is attempted. The same content within 24 hours returns the
 * first row (`duplicate: true`), whose status is the answer the person got the first time.
 */
export async function storeInquiry(
  db: Db,
  input: NewInquiry,
  { now = new Date() }: Clock = {},
): Promise<StoredInquiry> {
  const dedupeKey = dedupeKeyFor(input.payload);
  return db.transaction(async (tx) => {
    // Serialises the same content only: two identical submissions at once store one row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${dedupeKey}, 0))`);
    const [existing] = await tx
      .select()
      .from(inquiries)
      .where(
        and(
          eq(inquiries.dedupeKey, dedupeKey),
          gt(inquiries.createdAt, new Date(now.getTime() - dedupeWindowMs)),
        ),
      )
      .orderBy(desc(inquiries.createdAt))
      .limit(1);
    if (existing) return { inquiry: existing, duplicate: true };

    const id = randomUUID();
    const held = input.heldReason !== undefined;
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        id,
        createdAt: now,
        updatedAt: now,
        status: held ? "held" : "received",
        heldReason: input.heldReason ?? null,
        dedupeKey,
        payload: input.payload,
        coachEmail: input.coachEmail,
        receiptEmail: input.receiptEmail,
        receiptAllowed: input.receiptAllowed ?? true,
        idempotencyKey: `inquiry-${id}`,
        keyIssuedAt: now,
        nextAttemptAt: held ? null : now,
      })
      .returning();
    return { inquiry: inquiry!, duplicate: false };
  });
}

const leaseFree = (now: Date) => or(isNull(inquiries.leaseUntil), lte(inquiries.leaseUntil, now));
const undelivered = inArray(inquiries.status, ["received", "retrying"]);
const withinKeyWindow = (now: Date) => gt(inquiries.keyIssuedAt, new Date(now.getTime() - giveUpAfterMs));

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
  const { now = new Date(), limit = 5, leaseMs = defaultLeaseMs, ignoreBackoffSince } = options;
  const due = ignoreBackoffSince
    ? or(isNull(inquiries.lastAttemptAt), lt(inquiries.lastAttemptAt, ignoreBackoffSince))
    : lte(inquiries.nextAttemptAt, now);
  return claim(db, and(undelivered, leaseFree(now), withinKeyWindow(now), due)!, limit, now, leaseMs);
}

/** Takes the lease on one inquiry if it is undelivered and nobody holds it (the Server Action's first attempt). */
export async function claimInquiry(db: Db, id: string, options: Clock & { leaseMs?: number } = {}) {
  const { now = new Date(), leaseMs = defaultLeaseMs } = options;
  const [row] = await claim(
    db,
    and(eq(inquiries.id, id), undelivered, leaseFree(now), withinKeyWindow(now))!,
    1,
    now,
    leaseMs,
  );
  return row;
}

async function claim(db: Db, where: SQL, limit: number, now: Date, leaseMs: number) {
  const candidates = db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(where)
    .orderBy(asc(inquiries.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(inquiries)
    .set({
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${inquiries.attempts} + 1`,
      lastAttemptAt: now,
      updatedAt: now,
    })
    .where(inArray(inquiries.id, candidates))
    .returning();
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

/** When the next attempt is due after `attempts` failures, or undefined when it is time to give up. */
export function nextAttemptAfter(attempts: number, keyIssuedAt: Date, now: Date): Date | undefined {
  const delay = retrySchedule[Math.min(Math.max(attempts, 1), retrySchedule.length) - 1]!;
  const lastChance = keyIssuedAt.getTime() + giveUpAfterMs - lastChanceMarginMs;
  const next = Math.min(now.getTime() + delay, lastChance);
  return next > now.getTime() ? new Date(next) : undefined;
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

// Receipts: queued once the coach's email is delivered; they never gate anything.

const receiptDue = inArray(inquiries.receiptStatus, ["pending", "retrying"]);

export async function claimDueReceipts(
  db: Db,
  options: Clock & {
    limit?: number;
    leaseMs?: number;
    ignoreBackoff?: boolean;
    exclude?: string[];
    id?: string;
  } = {},
): Promise<InquiryRow[]> {
  const {
    now = new Date(),
    limit = 5,
    leaseMs = defaultLeaseMs,
    ignoreBackoff = false,
    exclude = [],
    id,
  } = options;
  const candidates = db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(
      and(
        eq(inquiries.status, "delivered"),
        receiptDue,
        leaseFree(now),
        ignoreBackoff ? undefined : lte(inquiries.receiptNextAttemptAt, now),
        exclude.length > 0 ? notInArray(inquiries.id, exclude) : undefined,
        id ? eq(inquiries.id, id) : undefined,
      ),
    )
    .orderBy(asc(inquiries.receiptNextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(inquiries)
    .set({
      leaseUntil: new Date(now.getTime() + leaseMs),
      receiptAttempts: sql`${inquiries.receiptAttempts} + 1`,
      updatedAt: now,
    })
    .where(inArray(inquiries.id, candidates))
    .returning();
}

/** Receipts not sent within 23 hours of the coach's email (the site was down, say) are given up. */
export async function failExpiredReceipts(db: Db, { now = new Date() }: Clock = {}): Promise<number> {
  const expired = await db
    .update(inquiries)
    .set({
      receiptStatus: "failed",
      receiptNextAttemptAt: null,
      receiptLastError: sql`coalesce(${inquiries.receiptLastError} || '; ', '') || 'not sent within 23 hours'`,
      updatedAt: now,
    })
    .where(
      and(receiptDue, leaseFree(now), lte(inquiries.deliveredAt, new Date(now.getTime() - giveUpAfterMs))),
    )
    .returning({ id: inquiries.id });
  return expired.length;
}

export async function markReceiptDelivered(
  db: Db,
  id: string,
  { now = new Date() }: Clock = {},
): Promise<void> {
  await db
    .update(inquiries)
    .set({
      receiptStatus: "delivered",
      receiptDeliveredAt: now,
      receiptNextAttemptAt: null,
      receiptLastError: null,
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(eq(inquiries.id, id), receiptDue));
}

export async function recordReceiptFailure(
  db: Db,
  row: Pick<InquiryRow, "id" | "receiptAttempts" | "deliveredAt">,
  error: string,
  { now = new Date() }: Clock = {},
): Promise<{ status: "retrying" | "failed" }> {
  const next = nextAttemptAfter(row.receiptAttempts, row.deliveredAt ?? now, now);
  const status = next ? "retrying" : "failed";
  await db
    .update(inquiries)
    .set({
      receiptStatus: status,
      receiptNextAttemptAt: next ?? null,
      receiptLastError: error.slice(0, 2000),
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(eq(inquiries.id, row.id), receiptDue));
  return { status };
}

// The coach's view.

export async function listRecentInquiries(
  db: Db,
  options: { limit?: number; statuses?: InquiryStatus[]; since?: Date } = {},
): Promise<InquiryRow[]> {
  const { limit = 50, statuses, since } = options;
  return db
    .select()
    .from(inquiries)
    .where(
      and(
        statuses && statuses.length > 0 ? inArray(inquiries.status, statuses) : undefined,
        since ? gt(inquiries.createdAt, since) : undefined,
      ),
    )
    .orderBy(desc(inquiries.createdAt))
    .limit(limit);
}

/** Counts of undelivered inquiries by status (`held` not included: it waits for the coach). */
export async function countUndelivered(
  db: Db,
): Promise<{ received: number; retrying: number; failed: number }> {
  const rows = await db
    .select({ status: inquiries.status, count: sql<number>`count(*)::int` })
    .from(inquiries)
    .where(inArray(inquiries.status, ["received", "retrying", "failed"]))
    .groupBy(inquiries.status);
  const counts = { received: 0, retrying: 0, failed: 0 };
  for (const row of rows) counts[row.status as keyof typeof counts] = row.count;
  return counts;
}

export async function getInquiry(db: Db, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  return row;
}

export class AmbiguousIdError extends Error {
  override name = "AmbiguousIdError";
}

/** One inquiry by its id or an unambiguous prefix of it (as `npm run inquiries` prints them). */
export async function findInquiry(db: Db, idOrPrefix: string): Promise<InquiryRow | undefined> {
  const prefix = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) return undefined;
  const rows = await db
    .select()
    .from(inquiries)
    .where(sql`${inquiries.id}::text like ${`${prefix}%`}`)
    .limit(2);
  if (rows.length > 1)
    throw new AmbiguousIdError(`"${idOrPrefix}" matches more than one inquiry: give more of the id`);
  return rows[0];
}

/** A held inquiry becomes due now, with a fresh 23-hour window (its key was never used). */
export async function releaseHeld(
  db: Db,
  id: string,
  { now = new Date() }: Clock = {},
): Promise<InquiryRow | undefined> {
  const [row] = await db
    .update(inquiries)
    .set({ status: "received", keyIssuedAt: now, nextAttemptAt: now, attempts: 0, updatedAt: now })
    .where(and(eq(inquiries.id, id), eq(inquiries.status, "held")))
    .returning();
  return row;
}

/**
 * Makes an undelivered or failed inquiry due now. Past the key's 23-hour window it gets a new key:
 * Resend no longer remembers the old one, and the coach has asked for this send.
 */
export async function forceRetry(
  db: Db,
  id: string,
  { now = new Date() }: Clock = {},
): Promise<InquiryRow | undefined> {
  const expired = lte(inquiries.keyIssuedAt, new Date(now.getTime() - giveUpAfterMs));
  const [row] = await db
    .update(inquiries)
    .set({
      status: sql`case when ${inquiries.attempts} > 0 then 'retrying'::inquiry_status else 'received'::inquiry_status end`,
      nextAttemptAt: now,
      attempts: 0,
      idempotencyKey: sql`case when ${expired} then ${`inquiry-${id}-`} || ${String(now.getTime())} else ${inquiries.idempotencyKey} end`,
      keyIssuedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${inquiries.keyIssuedAt} end`,
      updatedAt: now,
    })
    .where(
      and(
        eq(inquiries.id, id),
        inArray(inquiries.status, ["received", "retrying", "failed"]),
        leaseFree(now),
      ),
    )
    .returning();
  return row;
}

/** Deletes inquiries older than the retention period; returns how many. */
export async function deleteExpiredInquiries(
  db: Db,
  retentionDays: number,
  { now = new Date() }: Clock = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * HOUR);
  const deleted = await db
    .delete(inquiries)
    .where(and(lt(inquiries.createdAt, cutoff), leaseFree(now)))
    .returning({ id: inquiries.id });
  return deleted.length;
}

export type { InquiryRow, InquiryStatus };
