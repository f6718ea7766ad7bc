import "server-only";
import { mailEnv } from "@/lib/config/env";
import { siteDatabase, storeIsReady } from "@/lib/db/site";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";
import { mailTransportIsReady } from "@/lib/mail/configured-mailer";
import { countUndelivered } from "@/lib/inquiry/store";
import { countContactSync } from "@/lib/newsletter/contact-sync";
import { cronAuthorized } from "@/lib/server/cron";

export type Health = {
  ok: boolean;
  store: { ready: boolean; undelivered?: { received: number; retrying: number; failed: number } };
  mail: { transport: "resend" | "outbox"; ready: boolean };
  /** Confirmed subscribers Resend has not taken yet (they get no issues until it does). */
  newsletter?: { contactsNotInResend: { retrying: number; failed: number } };
};

/**
 * Anonymous callers (uptime monitors, anyone) per client address: a probe a minute and then
 * some; each costs a `select 1` and a look at the outbox folder, counted in this process's
 * memory so a refused call costs the store nothing.
 */
export const healthRateLimit = { max: 30, windowSeconds: 60 };

/** Whether the store answers and mail can go out: the whole public answer. */
async function ready(): Promise<{ storeReady: boolean; mailReady: boolean }> {
  const [storeReady, mailReady] = await Promise.all([storeIsReady(), mailTransportIsReady()]);
  return { storeReady, mailReady };
}

/**
 * Everything health knows, for the operator (CRON_SECRET): readiness, what is undelivered and
 * the newsletter contacts Resend refused. No settings, addresses or secrets. `ok` is about
 * serving only: contacts failing (a wrong RESEND_SEGMENT_ID) make no 503, which would take the
 * forms offline (a load balancer drops the instance, a container restarts) and fix nothing.
 */
export async function siteHealth(): Promise<Health> {
  const { storeReady, mailReady } = await ready();
  const db = storeReady ? await siteDatabase() : undefined;
  const [undelivered, contacts] = db
    ? await Promise.all([
        countUndelivered(db).catch(() => undefined),
        countContactSync(db).catch(() => undefined),
      ])
    : [undefined, undefined];
  return {
    ok: storeReady && mailReady,
    store: { ready: storeReady, ...(undelivered ? { undelivered } : {}) },
    mail: { transport: mailEnv().mail.transport, ready: mailReady },
    ...(contacts
      ? { newsletter: { contactsNotInResend: { retrying: contacts.retrying, failed: contacts.failed } } }
      : {}),
  };
}

let limiter: RateLimiter | undefined;

export type HealthAnswer = {
  status: 200 | 429 | 503;
  body: Health | { ok: boolean } | { error: string };
  retryAfterSeconds?: number;
};

/**
 * `GET /api/health`: `{ ok }` (200 or 503) for anyone, within `healthRateLimit` per client
 * address (429 beyond); the full answer (`siteHealth`) with `Authorization: Bearer
 * <CRON_SECRET>`, not limited.
 */
export async function healthAnswer(request: {
  authorization: string | null;
  clientAddress: () => Promise<string>;
}): Promise<HealthAnswer> {
  if (cronAuthorized(request.authorization)) {
    const health = await siteHealth();
    return { status: health.ok ? 200 : 503, body: health };
  }
  limiter ??= memoryRateLimiter(healthRateLimit);
  const limit = await limiter.consume(`health:${await request.clientAddress()}`);
  if (!limit.allowed) {
    return { status: 429, body: { error: "too many requests" }, retryAfterSeconds: limit.retryAfterSeconds };
  }
  const { storeReady, mailReady } = await ready();
  const ok = storeReady && mailReady;
  return { status: ok ? 200 : 503, body: { ok } };
}
