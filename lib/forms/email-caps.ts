import { normaliseEmail } from "@/lib/forms/email-field";
import type { RateLimiter } from "@/lib/forms/rate-limit";

/** Emails that go to an address somebody typed, which may not be theirs. */
export type CappedEmail = "newsletter-confirmation" | "inquiry-receipt";

/** Whether an email may go, and if not, which cap refused it. */
export type CapDecision = { allowed: true } | { allowed: false; cap: "address" | "daily" };

/**
 * Caps that protect third parties and the sending quota: per mailbox per 24 hours, whatever
 * the client address, name, form or spelling of the address, and for the whole site per UTC
 * day. The coach's own email is never capped: it is what the quota is kept for.
 */
export interface EmailCaps {
  /** Counts one email of `kind` to `address` and says whether it may go. */
  take(kind: CappedEmail, address: string): Promise<CapDecision>;
  /** Gives back an email that was counted but not sent (the send failed, a duplicate). */
  giveBack(kind: CappedEmail, address: string): Promise<void>;
  /** Whether today's site-wide cap is used up: a state of the site, revealing nothing of an address. */
  dailyCapReached(): Promise<boolean>;
}

export type EmailCapLimits = {
  confirmationsPerAddress: number;
  receiptsPerAddress: number;
  dailyTotal: number;
};

const DAY_SECONDS = 24 * 60 * 60;

const gmailDomains = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address delivers to, for counting only (identity stays `normaliseEmail`):
 * `v+1@gmail.com`, `v.ictim@gmail.com` and `victim@googlemail.com` all reach one inbox. A
 * plus-tag is dropped for every domain (most providers deliver it to the same mailbox, and
 * counting too much together only lowers a cap); dots and `googlemail.com` fold for Gmail only.
 */
export function mailboxKey(address: string): string {
  const normalised = normaliseEmail(address);
  const at = normalised.lastIndexOf("@");
  if (at <= 0) return normalised;
  let local = normalised.slice(0, at);
  let domain = normalised.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (gmailDomains.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

type Options = {
  /** Today's UTC date; tests move it. */
  today?: () => string;
  /** Told of every refusal, for the coach's digest (counts only). */
  onRefused?: (cap: "address" | "daily", kind: CappedEmail) => Promise<void> | void;
};

/** `limiter` makes a counter with the given window: in Postgres with a database, in memory without. */
export function emailCaps(
  limiter: (options: { max: number; windowSeconds: number }) => RateLimiter,
  limits: EmailCapLimits,
  { today = () => new Date().toISOString().slice(0, 10), onRefused }: Options = {},
): EmailCaps {
  const perAddress: Record<CappedEmail, RateLimiter> = {
    "newsletter-confirmation": limiter({ max: limits.confirmationsPerAddress, windowSeconds: DAY_SECONDS }),
    "inquiry-receipt": limiter({ max: limits.receiptsPerAddress, windowSeconds: DAY_SECONDS }),
  };
  // Keyed by date, kept two days so a key never outlives its day's count.
  const daily = limiter({ max: limits.dailyTotal, windowSeconds: 2 * DAY_SECONDS });
  // The database limiter stores only a hash of the key, so no address is written.
  const addressKey = (kind: CappedEmail, address: string) => `cap:${kind}:${mailboxKey(address)}`;
  const dayKey = () => `cap:daily:${today()}`;
  const refuse = async (cap: "address" | "daily", kind: CappedEmail): Promise<CapDecision> => {
    await Promise.resolve(onRefused?.(cap, kind)).catch(() => undefined);
    return { allowed: false, cap };
  };

  return {
    async take(kind, address) {
      if (!(await perAddress[kind].consume(addressKey(kind, address))).allowed)
        return refuse("address", kind);
      if ((await daily.consume(dayKey())).allowed) return { allowed: true };
      console.error(
        `[email-cap] DAILY CAP REACHED: ${limits.dailyTotal} confirmation and receipt emails today (EMAIL_DAILY_CAP). ` +
          "Confirmations wait until tomorrow (UTC); the coach still gets every inquiry.",
      );
      await perAddress[kind].refund(addressKey(kind, address));
      return refuse("daily", kind);
    },
    async giveBack(kind, address) {
      await Promise.all([perAddress[kind].refund(addressKey(kind, address)), daily.refund(dayKey())]);
    },
    async dailyCapReached() {
      return (await daily.used(dayKey())) >= limits.dailyTotal;
    },
  };
}
