import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inquiries, type InquiryRow, type InquiryStatus } from "@/lib/db/schema";
import { describeError, sendWithTimeout, type DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { claimInquiry, markDelivered, recordFailure } from "@/lib/inquiry/queue";
import { claimDueReceipts, markReceiptDelivered, recordReceiptFailure } from "@/lib/inquiry/receipts";
import { getInquiry } from "@/lib/inquiry/store";

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** `erased`: the row was deleted (`npm run data:erase`) after it was claimed; nothing was sent. */
export type Attempt = "delivered" | "retrying" | "failed" | "erased";

/** Read again just before a send: a pass claims rows in batches, and erasure may come between. */
async function stillStored(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id));
  return row !== undefined;
}

/** Sends a claimed inquiry to the coach and records the outcome on its row. */
export async function attemptCoachEmail(
  db: Db,
  mailer: DeliveryMailer,
  row: InquiryRow,
  timeoutMs: number,
  clock: Clock,
): Promise<Attempt> {
  if (!(await stillStored(db, row.id))) return "erased";
  try {
    await sendWithTimeout(mailer, { ...row.coachEmail, idempotencyKey: row.idempotencyKey }, timeoutMs);
  } catch (error) {
    const { status } = await recordFailure(db, row, describeError(error), { now: clock() });
    if (status === "failed") {
      console.error(
        `[inquiry] ${row.id} failed: not delivered to the coach within 23 hours (${describeError(error)})`,
      );
    }
    return status;
  }
  await markDelivered(db, row.id, { now: clock() });
  return "delivered";
}

/** Sends a claimed receipt to the sender and records the outcome on its row. */
export async function attemptReceipt(
  db: Db,
  mailer: DeliveryMailer,
  row: InquiryRow,
  timeoutMs: number,
  clock: Clock,
): Promise<Attempt> {
  if (!(await stillStored(db, row.id))) return "erased";
  try {
    await sendWithTimeout(
      mailer,
      { ...row.receiptEmail, idempotencyKey: `${row.idempotencyKey}-receipt` },
      timeoutMs,
    );
  } catch (error) {
    const { status } = await recordReceiptFailure(db, row, describeError(error), { now: clock() });
    return status;
  }
  await markReceiptDelivered(db, row.id, { now: clock() });
  return "delivered";
}

export type DeliveryOutcome = {
  /** The inquiry's status afterwards: `delivered` means the coach has it. */
  status: InquiryStatus;
  /** Whether the sender's receipt went out in this call (otherwise it is queued, or not due yet). */
  receiptSent: boolean;
};

/**
 * The Server Action's attempt right after storing (and the coach's `retry`): leases the inquiry
 * and sends the coach's email within `deadlineMs` in all (whatever the mail service does), then
 * the receipt if time remains. Anything not sent stays stored for the worker; a row leased by
 * someone else is left to them.
 */
export async function deliverInquiry(
  db: Db,
  mailer: DeliveryMailer,
  id: string,
  {
    deadlineMs = timing.answerMs,
    perCallTimeoutMs = timing.callWhileWaitingMs,
    clock = systemClock,
  }: { deadlineMs?: number; perCallTimeoutMs?: number; clock?: Clock } = {},
): Promise<DeliveryOutcome> {
  const deadline = Date.now() + deadlineMs;
  const row = await claimInquiry(db, id, { now: clock() });
  if (!row) {
    const current = await getInquiry(db, id);
    if (!current) throw new Error(`inquiry ${id} does not exist`);
    return { status: current.status, receiptSent: current.receiptStatus === "delivered" };
  }
  const coach = await attemptCoachEmail(
    db,
    mailer,
    row,
    Math.min(perCallTimeoutMs, deadline - Date.now()),
    clock,
  );
  if (coach === "erased") throw new Error(`inquiry ${id} does not exist`);
  if (coach !== "delivered") return { status: coach, receiptSent: false };

  const left = deadline - Date.now();
  if (left < timing.minimumSendMs) return { status: "delivered", receiptSent: false };
  const [receiptRow] = await claimDueReceipts(db, { id, limit: 1, now: clock() });
  if (!receiptRow) return { status: "delivered", receiptSent: false };
  const receipt = await attemptReceipt(db, mailer, receiptRow, Math.min(perCallTimeoutMs, left), clock);
  return { status: "delivered", receiptSent: receipt === "delivered" };
}
