import { and, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inquiries, type InquiryRow } from "@/lib/db/schema";
import { giveUpAfterMs, nextAttemptAfter } from "@/lib/mail/backoff";
import { timing } from "@/lib/mail/timing";
import { leaseFree, leaseRows, type Clock } from "@/lib/inquiry/store";

// The receipt to the sender: queued once the coach's email is delivered; it never gates anything.

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
    leaseMs = timing.leaseMs,
    ignoreBackoff = false,
    exclude = [],
    id,
  } = options;
  const where = and(
    eq(inquiries.status, "delivered"),
    receiptDue,
    leaseFree(now),
    ignoreBackoff ? undefined : lte(inquiries.receiptNextAttemptAt, now),
    exclude.length > 0 ? notInArray(inquiries.id, exclude) : undefined,
    id ? eq(inquiries.id, id) : undefined,
  )!;
  return leaseRows(
    db,
    { where, order: inquiries.receiptNextAttemptAt, limit },
    { now, leaseMs, counted: { receiptAttempts: sql`${inquiries.receiptAttempts} + 1` } },
  );
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
