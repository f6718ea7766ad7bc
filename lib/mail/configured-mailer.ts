import "server-only";
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
