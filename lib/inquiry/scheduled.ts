import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/env";
import { siteDatabase, storeIsReady } from "@/lib/db/site";
import { runDeliveryPass, type PassResult } from "@/lib/inquiry/delivery";
import { deliveryRuntime } from "@/lib/inquiry/runtime";
import { countUndelivered } from "@/lib/inquiry/store";
import { mailTransportIsReady } from "@/lib/mail/configured-mailer";

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret set, no entry. */
export function cronAuthorized(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One pass of the delivery worker, for the cron route (serverless hosts have no timer). */
export async function runScheduledPass(): Promise<PassResult> {
  const { mailer, retentionDays, digest, contacts } = deliveryRuntime();
  return runDeliveryPass(await siteDatabase(), mailer, {
    retentionDays,
    digest,
    contacts,
    deadlineMs: 50_000,
  });
}

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
    mail: { transport: serverEnv().mail.transport, ready: mailReady },
  };
}
