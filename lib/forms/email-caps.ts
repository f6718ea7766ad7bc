import { normaliseEmail } from "@/lib/forms/email-field";
import type { RateLimiter } from "@/lib/forms/rate-limit";

/** Emails that go to an address somebody typed, which may not be theirs. */
export type CappedEmail = "newsletter-confirmation" | "inquiry-receipt";

/**
 * Caps that protect third parties and the sending quota: per address per 24 hours, whatever
 * the client address, name or form, and for the whole site per UTC day. The coach's own email
 * is never capped: it is what the quota is kept for.
 */
export interface EmailCaps {
  /** Counts one email of `kind` to `address` and says whether it may go. */
  take(kind: CappedEmail, address: string): Promise<boolean>;
  /** Gives back an email that was counted but not sent (the send failed, a duplicate). */
  giveBack(kind: CappedEmail, address: string): Promise<void>;
}

export type EmailCapLimits = {
  confirmationsPerAddress: number;
  receiptsPerAddress: number;
  dailyTotal: number;
};

const DAY_SECONDS = 24 * 60 * 60;

/** `limiter` makes a counter with the given window: in Postgres with a database, in memory without. */
export function emailCaps(
  limiter: (options: { max: number; windowSeconds: number }) => RateLimiter,
  limits: EmailCapLimits,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): EmailCaps {
  const perAddress: Record<CappedEmail, RateLimiter> = {
    "newsletter-confirmation": limiter({ max: limits.confirmationsPerAddress, windowSeconds: DAY_SECONDS }),
    "inquiry-receipt": limiter({ max: limits.receiptsPerAddress, windowSeconds: DAY_SECONDS }),
  };
  // Keyed by date, kept two days so a key never outlives its day's count.
  const daily = limiter({ max: limits.dailyTotal, windowSeconds: 2 * DAY_SECONDS });
  // The database limiter stores only a hash of the key, so no address is written.
  const addressKey = (kind: CappedEmail, address: string) => `cap:${kind}:${normaliseEmail(address)}`;
  const dayKey = () => `cap:daily:${today()}`;

  return {
    async take(kind, address) {
      if (!(await perAddress[kind].consume(addressKey(kind, address))).allowed) return false;
      if ((await daily.consume(dayKey())).allowed) return true;
      console.error(
        `[email-cap] DAILY CAP REACHED: ${limits.dailyTotal} confirmation and receipt emails today (EMAIL_DAILY_CAP). ` +
          "No more are sent until tomorrow (UTC); the coach still gets every inquiry.",
      );
      await perAddress[kind].refund(addressKey(kind, address));
      return false;
    },
    async giveBack(kind, address) {
      await Promise.all([perAddress[kind].refund(addressKey(kind, address)), daily.refund(dayKey())]);
    },
  };
}
