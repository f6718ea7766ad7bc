import { Webhook, WebhookVerificationError } from "standardwebhooks";

/** The events the site acts on; Resend sends many more, which are acknowledged and ignored. */
export type ResendEvent =
  | { type: "contact.updated"; created_at: string; data: { email: string; unsubscribed: boolean } }
  | { type: "email.bounced"; created_at: string; data: { to: string[]; bounce?: { type?: string } } }
  | { type: "email.complained"; created_at: string; data: { to: string[] } }
  | { type: string; created_at: string; data: unknown };

/**
 * Checks a webhook call against RESEND_WEBHOOK_SECRET (Resend signs with Standard Webhooks:
 * an HMAC over id, timestamp and body, refused when more than five minutes old). Returns the
 * event, or undefined for anything not signed by Resend. The body must be the raw text.
 */
export function verifyResendWebhook(body: string, headers: Headers, secret: string): ResendEvent | undefined {
  try {
    return new Webhook(secret).verify(body, {
      "webhook-id": headers.get("svix-id") ?? headers.get("webhook-id") ?? "",
      "webhook-timestamp": headers.get("svix-timestamp") ?? headers.get("webhook-timestamp") ?? "",
      "webhook-signature": headers.get("svix-signature") ?? headers.get("webhook-signature") ?? "",
    }) as ResendEvent;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return undefined;
    throw error;
  }
}
