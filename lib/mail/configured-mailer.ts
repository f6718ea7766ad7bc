import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "@/lib/config/env";
import type { Mailer } from "@/lib/mail/mailer";
import { outboxMailer } from "@/lib/mail/outbox-transport";
import { resendMailer } from "@/lib/mail/resend-transport";

let instance: Mailer | undefined;

/** The transport the environment chose: Resend with RESEND_API_KEY, the local outbox without. */
export function configuredMailer(): Mailer {
  if (instance) return instance;
  const { mail } = serverEnv();
  instance =
    mail.transport === "resend"
      ? resendMailer({ apiKey: mail.apiKey, segmentId: mail.segmentId })
      : outboxMailer(mail.outboxDir);
  return instance;
}

/**
 * Whether mail can go out: Resend is configured (its API is not called: a health check must not
 * spend quota), or the outbox folder can be written.
 */
export async function mailTransportIsReady(): Promise<boolean> {
  const { mail } = serverEnv();
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
