import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { mailEnv } from "@/lib/config/env";
import type { Broadcaster, Mailer } from "@/lib/mail/mailer";
import { outboxBroadcaster, outboxMailer } from "@/lib/mail/outbox-transport";
import { resendBroadcaster, resendMailer } from "@/lib/mail/resend-transport";

let instance: Mailer | undefined;

/** The transport the environment chose: Resend with RESEND_API_KEY, the local outbox without. */
export function configuredMailer(): Mailer {
  if (instance) return instance;
  const { mail } = mailEnv();
  instance =
    mail.transport === "resend"
      ? resendMailer({
          apiKey: mail.apiKey,
          segmentId: mail.segmentId,
          germanSegmentId: mail.germanSegmentId,
        })
      : outboxMailer(mail.outboxDir);
  return instance;
}

/**
 * Newsletter broadcasts to one language's readers through the same choice: that language's
 * Resend segment, or the outbox. Undefined for German without RESEND_SEGMENT_ID_DE: a German
 * issue sent to the one segment would reach the English readers too.
 */
export function configuredBroadcaster(audience: "en" | "de" = "en"): Broadcaster | undefined {
  const { mail } = mailEnv();
  const segmentId = audience === "de" ? mail.germanSegmentId : mail.segmentId;
  if (mail.transport === "resend") {
    return segmentId ? resendBroadcaster({ apiKey: mail.apiKey, segmentId }) : undefined;
  }
  return outboxBroadcaster(mail.outboxDir, segmentId ?? (audience === "de" ? "de" : undefined));
}

/**
 * Whether mail can go out: Resend is configured (its API is not called: a health check must not
 * spend quota), or the outbox folder can be written.
 */
export async function mailTransportIsReady(): Promise<boolean> {
  const { mail } = mailEnv();
  if (mail.transport === "resend") return true;
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), mail.outboxDir);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
