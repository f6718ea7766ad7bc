import "server-only";
import { mailEnv } from "@/lib/config/env";
import { siteDatabase, storeIsReady } from "@/lib/db/site";
import { mailTransportIsReady } from "@/lib/mail/configured-mailer";
import { countUndelivered } from "@/lib/inquiry/store";

export type Health = {
  ok: boolean;
  store: { ready: boolean; undelivered?: { received: number; retrying: number; failed: number } };
  mail: { transport: "resend" | "outbox"; ready: boolean };
};

/** Whether the store answers and mail can go out; no settings or secrets in it. */
export async function siteHealth(): Promise<Health> {
  const [storeReady, mailReady] = await Promise.all([storeIsReady(), mailTransportIsReady()]);
  const undelivered = storeReady
    ? await countUndelivered(await siteDatabase()).catch(() => undefined)
    : undefined;
  return {
    ok: storeReady && mailReady,
    store: { ready: storeReady, ...(undelivered ? { undelivered } : {}) },
    mail: { transport: mailEnv().mail.transport, ready: mailReady },
  };
}
