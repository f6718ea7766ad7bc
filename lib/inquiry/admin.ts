import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inquiries, type InquiryRow } from "@/lib/db/schema";
import { giveUpAfterMs } from "@/lib/mail/backoff";
import { leaseFree, type Clock } from "@/lib/inquiry/store";

// The coach's commands on one inquiry (`npm run inquiries -- release | retry`).

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
