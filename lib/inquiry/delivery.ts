import type { Db } from "@/lib/db/client";
import type { InquiryRow, InquiryStatus } from "@/lib/db/schema";
import { sendDailyDigest, type DigestResult, type DigestSettings } from "@/lib/inquiry/digest";
import { describeError, sendWithTimeout, type DeliveryMailer } from "@/lib/inquiry/mailer";
import type { Mailer } from "@/lib/mail/mailer";
import { syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { deleteOldSignups } from "@/lib/newsletter/store";
import {
  claimDueInquiries,
  claimDueReceipts,
  claimInquiry,
  countUndelivered,
  deleteExpiredInquiries,
  failExpired,
  failExpiredReceipts,
  getInquiry,
  markDelivered,
  markReceiptDelivered,
  recordFailure,
  recordReceiptFailure,
  releaseLeases,
} from "@/lib/inquiry/store";

export type Clock = () => Date;

type Timing = {
  /** Each call to the mail service is given up after this long. */
  perCallTimeoutMs?: number;
  /** Database timestamps come from here (tests move time forward). */
  clock?: Clock;
};

const systemClock: Clock = () => new Date();
/** Below this much time left, a send is not started. */
const minimumSendMs = 1_000;

type Attempt = "delivered" | "retrying" | "failed";

async function attemptCoachEmail(
  db: Db,
  mailer: DeliveryMailer,
  row: InquiryRow,
  timeoutMs: number,
  clock: Clock,
) {
  try {
    await sendWithTimeout(mailer, { ...row.coachEmail, idempotencyKey: row.idempotencyKey }, timeoutMs);
  } catch (error) {
    const { status } = await recordFailure(db, row, describeError(error), { now: clock() });
    if (status === "failed") {
      console.error(
        `[inquiry] ${row.id} failed: not delivered to the coach within 23 hours (${describeError(error)})`,
      );
    }
    return status satisfies Attempt;
  }
  await markDelivered(db, row.id, { now: clock() });
  return "delivered" satisfies Attempt;
}

async function attemptReceipt(
  db: Db,
  mailer: DeliveryMailer,
  row: InquiryRow,
  timeoutMs: number,
  clock: Clock,
) {
  try {
    await sendWithTimeout(
      mailer,
      { ...row.receiptEmail, idempotencyKey: `${row.idempotencyKey}-receipt` },
      timeoutMs,
    );
  } catch (error) {
    const { status } = await recordReceiptFailure(db, row, describeError(error), { now: clock() });
    return status satisfies Attempt;
  }
  await markReceiptDelivered(db, row.id, { now: clock() });
  return "delivered" satisfies Attempt;
}

export type DeliveryOutcome = {
  /** The inquiry's status afterwards: `delivered` means the coach has it. */
  status: InquiryStatus;
  /** Whether the sender's receipt went out in this call (otherwise it is queued, or not due yet). */
  receiptSent: boolean;
};

/**
 * The Server Action's attempt right after storing: leases the inquiry and sends the coach's email
 * within `deadlineMs` in all (whatever the mail service does), then the receipt if time remains.
 * Anything not sent stays stored for the worker; a row leased by someone else is left to them.
 */
export async function deliverInquiry(
  db: Db,
  mailer: DeliveryMailer,
  id: string,
  {
    deadlineMs = 10_000,
    perCallTimeoutMs = 8_000,
    clock = systemClock,
  }: Timing & { deadlineMs?: number } = {},
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
  if (coach !== "delivered") return { status: coach, receiptSent: false };

  const left = deadline - Date.now();
  if (left < minimumSendMs) return { status: "delivered", receiptSent: false };
  const [receiptRow] = await claimDueReceipts(db, { id, limit: 1, now: clock() });
  if (!receiptRow) return { status: "delivered", receiptSent: false };
  const receipt = await attemptReceipt(db, mailer, receiptRow, Math.min(perCallTimeoutMs, left), clock);
  return { status: "delivered", receiptSent: receipt === "delivered" };
}

export type PassOptions = Timing & {
  /** Attempt every undelivered inquiry now, whatever its back-off (`npm run deliver`). */
  ignoreBackoff?: boolean;
  /** The pass stops claiming work after this long (default 50 s). */
  deadlineMs?: number;
  batchSize?: number;
  /** Delete inquiries older than this many days (INQUIRY_RETENTION_DAYS); omitted: keep everything. */
  retentionDays?: number;
  /** Where the daily digest of held and failed inquiries goes; omitted: no digest. */
  digest?: DigestSettings;
  /**
   * The newsletter's side of the pass: Resend contacts still to write (a failure at
   * confirmation, an import) and signups past their 7 days. Omitted: not done.
   */
  contacts?: Pick<Mailer, "subscribe">;
};

export type PassResult = {
  /** True when another pass on the same connection was still running: this one did nothing. */
  skipped: boolean;
  delivered: string[];
  retrying: string[];
  failed: string[];
  receipts: { delivered: number; retrying: number; failed: number };
  deleted: number;
  newsletter: { contactsSynced: number; contactsFailed: number; signupsDeleted: number };
  digest: DigestResult | "not-configured";
  /** Left undelivered after the pass (`held` is not counted: it waits for the coach). */
  remaining: { received: number; retrying: number; failed: number };
};

const emptyResult = (): PassResult => ({
  skipped: false,
  delivered: [],
  retrying: [],
  failed: [],
  receipts: { delivered: 0, retrying: 0, failed: 0 },
  deleted: 0,
  newsletter: { contactsSynced: 0, contactsFailed: 0, signupsDeleted: 0 },
  digest: "not-configured",
  remaining: { received: 0, retrying: 0, failed: 0 },
});

// One pass at a time per process (per database handle: the site has one). Another worker
// elsewhere is kept off the same rows by the lease, not by this.
const running = new WeakMap<Db, Promise<PassResult>>();

/** One run of the delivery worker: what `npm run deliver`, the timer and the cron route call. */
export async function runDeliveryPass(
  db: Db,
  mailer: DeliveryMailer,
  options: PassOptions = {},
): Promise<PassResult> {
  const current = running.get(db);
  if (current) return { ...emptyResult(), skipped: true, remaining: (await current).remaining };
  const pass = deliveryPass(db, mailer, options);
  running.set(db, pass);
  try {
    return await pass;
  } finally {
    running.delete(db);
  }
}

async function deliveryPass(db: Db, mailer: DeliveryMailer, options: PassOptions): Promise<PassResult> {
  const { ignoreBackoff = false, deadlineMs = 50_000, batchSize = 5, perCallTimeoutMs = 10_000 } = options;
  const clock = options.clock ?? systemClock;
  const deadline = Date.now() + deadlineMs;
  const timeLeft = () => deadline - Date.now();
  const result = emptyResult();
  const passStartedAt = clock();

  for (const row of await failExpired(db, { now: clock() })) {
    console.error(`[inquiry] ${row.id} failed: not delivered to the coach within 23 hours`);
    result.failed.push(row.id);
  }

  while (timeLeft() >= minimumSendMs) {
    const claimed = await claimDueInquiries(db, {
      now: clock(),
      limit: batchSize,
      ignoreBackoffSince: ignoreBackoff ? passStartedAt : undefined,
    });
    if (claimed.length === 0) break;
    for (const [index, row] of claimed.entries()) {
      if (timeLeft() < minimumSendMs) {
        await releaseLeases(
          db,
          claimed.slice(index).map((rest) => rest.id),
          { now: clock() },
        );
        break;
      }
      const outcome = await attemptCoachEmail(db, mailer, row, Math.min(perCallTimeoutMs, timeLeft()), clock);
      result[outcome].push(row.id);
    }
  }

  result.receipts.failed += await failExpiredReceipts(db, { now: clock() });
  const receiptsTried: string[] = [];
  while (timeLeft() >= minimumSendMs) {
    const claimed = await claimDueReceipts(db, {
      now: clock(),
      limit: batchSize,
      ignoreBackoff,
      exclude: receiptsTried,
    });
    if (claimed.length === 0) break;
    for (const row of claimed) {
      receiptsTried.push(row.id);
      if (timeLeft() < minimumSendMs) {
        // Its lease runs out by itself; a receipt is never urgent.
        continue;
      }
      const outcome = await attemptReceipt(db, mailer, row, Math.min(perCallTimeoutMs, timeLeft()), clock);
      result.receipts[outcome] += 1;
    }
  }

  if (options.retentionDays !== undefined) {
    result.deleted = await deleteExpiredInquiries(db, options.retentionDays, { now: clock() });
  }
  if (options.contacts) {
    result.newsletter.signupsDeleted = await deleteOldSignups(db, clock());
    if (timeLeft() >= minimumSendMs) {
      const contacts = await syncPendingContacts(db, options.contacts, { now: clock(), ignoreBackoff });
      result.newsletter.contactsSynced = contacts.synced;
      result.newsletter.contactsFailed = contacts.failed;
    }
  }
  if (options.digest) {
    result.digest = await sendDailyDigest(db, mailer, options.digest, {
      now: clock(),
      timeoutMs: Math.max(minimumSendMs, Math.min(perCallTimeoutMs, timeLeft())),
    });
  }
  result.remaining = await countUndelivered(db);
  return result;
}
