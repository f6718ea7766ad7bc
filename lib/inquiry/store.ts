import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import {
  inquiries,
  type InquiryPayload,
  type InquiryRow,
  type InquiryStatus,
  type StoredEmail,
} from "@/lib/db/schema";
import { giveUpAfterMs } from "@/lib/mail/backoff";
import type { Language } from "@/lib/i18n/languages";

/** The same content within this long is one inquiry. */
export const dedupeWindowMs = 24 * 60 * 60_000;

export type Clock = { now?: Date };

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
  /** The language of the page the person wrote from. */
  language?: Language;
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
        language: input.language ?? "en",
        idempotencyKey: `inquiry-${id}`,
        keyIssuedAt: now,
        nextAttemptAt: held ? null : now,
      })
      .returning();
    return { inquiry: inquiry!, duplicate: false };
  });
}

/**
 * Takes a lease on up to `limit` rows matching `where`, in `order`, in one statement (`FOR
 * UPDATE SKIP LOCKED`), so two workers never hold the same row; the statement commits before
 * any email is sent. `counted` says which attempt counter the claim moves on.
 */
export async function leaseRows(
  db: Db,
  query: { where: SQL; order: SQL | AnyPgColumn; limit: number },
  { now, leaseMs, counted }: { now: Date; leaseMs: number; counted: PgUpdateSetSource<typeof inquiries> },
): Promise<InquiryRow[]> {
  const candidates = db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(query.where)
    .orderBy(asc(query.order))
    .limit(query.limit)
    .for("update", { skipLocked: true });
  return db
    .update(inquiries)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now, ...counted })
    .where(inArray(inquiries.id, candidates))
    .returning();
}

/** Nobody holds the row, or their lease has run out. */
export const leaseFree = (now: Date) => or(isNull(inquiries.leaseUntil), lte(inquiries.leaseUntil, now));
/** Not yet with the coach, and not held for the coach to look at. */
export const undelivered = inArray(inquiries.status, ["received", "retrying"]);
/** The idempotency key is still one Resend remembers. */
export const withinKeyWindow = (now: Date) =>
  gt(inquiries.keyIssuedAt, new Date(now.getTime() - giveUpAfterMs));

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

/** Deletes inquiries older than the retention period; returns how many. */
export async function deleteExpiredInquiries(
  db: Db,
  retentionDays: number,
  { now = new Date() }: Clock = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60_000);
  const deleted = await db
    .delete(inquiries)
    .where(and(lt(inquiries.createdAt, cutoff), leaseFree(now)))
    .returning({ id: inquiries.id });
  return deleted.length;
}

export type { InquiryRow, InquiryStatus };
