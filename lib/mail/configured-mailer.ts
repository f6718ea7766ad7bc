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
      ? resendMailer({ apiKey: mail.apiKey, segmentId: mail.segmentId })
      : outboxMailer(mail.outboxDir);
  return instance;
}

/** Newsletter broadcasts through the same choice: Resend's segment, or the outbox. */
export function configuredBroadcaster(): Broadcaster {
  const { mail } = mailEnv();
  return mail.transport === "resend"
    ? resendBroadcaster({ apiKey: mail.apiKey, segmentId: mail.segmentId })
    : outboxBroadcaster(mail.outboxDir, mail.segmentId);
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
