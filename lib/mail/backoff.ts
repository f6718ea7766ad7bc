/**
 * When a failed email is tried again, and when it is given up: the schedule every queue shares
 * (the coach's email, receipts, newsletter contacts: those for longer, below).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, ... failed attempt; the last repeats. */
export const retrySchedule = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
/** Resend keeps an idempotency key 24 hours: past 23, a retry could send a second email. */
export const giveUpAfterMs = 23 * HOUR;
/**
 * Newsletter contacts have no idempotency key to outlive: a contact Resend refuses (a wrong
 * RESEND_SEGMENT_ID, an API key without contacts access) waits for a person to fix a setting,
 * which the coach learns from the daily digest. So they are retried on the same schedule for a
 * week from the first failure, then marked failed (`npm run subscribers -- retry` starts again).
 */
export const contactSyncGiveUpAfterMs = 7 * 24 * HOUR;
/** The last attempt is made this long before giving up, not after. */
const lastChanceMarginMs = 1 * MINUTE;

/** The wait after `attempts` failures (1 or more). */
export function retryDelay(attempts: number): number {
  return retrySchedule[Math.min(Math.max(attempts, 1), retrySchedule.length) - 1]!;
}

/** When the next attempt is due after `attempts` failures, or undefined when it is time to give up. */
export function nextAttemptAfter(attempts: number, keyIssuedAt: Date, now: Date): Date | undefined {
  const lastChance = keyIssuedAt.getTime() + giveUpAfterMs - lastChanceMarginMs;
  const next = Math.min(now.getTime() + retryDelay(attempts), lastChance);
  return next > now.getTime() ? new Date(next) : undefined;
}
