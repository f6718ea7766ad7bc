import "server-only";
import { createHash } from "node:crypto";
import { NewsletterConfirmationEmail } from "@/components/emails/newsletter-confirmation-email";
import { renderEmail } from "@/lib/mail/render-email";
import { serverEnv } from "@/lib/config/env";
import type { Mailer } from "@/lib/mail/mailer";
import type { NewsletterSignup } from "@/lib/newsletter/schema";
import { signSignupToken, type SignupClaims } from "@/lib/newsletter/confirmation-token";
import { signingSecret } from "@/lib/config/signing-secret";
import { siteConfig } from "@/lib/config/site-config";

export const CONFIRM_PATH = "/newsletter/confirm";

/**
 * Sends the one confirmation email of the double opt-in; adds nobody. Signing up twice in the
 * same hour gives the same token, hence the same idempotency key: one email.
 */
export async function requestConfirmation(
  signup: NewsletterSignup,
  mailer: Mailer,
  now = Date.now(),
): Promise<void> {
  const { mail, siteUrl } = serverEnv();
  const { token, expiresAt } = await signSignupToken(signup, signingSecret(), now);
  const confirmUrl = `${siteUrl}${CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
  const body = await renderEmail(
    <NewsletterConfirmationEmail
      confirmUrl={confirmUrl}
      practiceName={siteConfig.name}
      expiresOn={expiresAt.toUTCString()}
    />,
  );
  await mailer.send({
    from: mail.from,
    to: signup.email,
    subject: `Please confirm your subscription to the ${siteConfig.name} newsletter`,
    ...body,
    idempotencyKey: `newsletter-confirm-${createHash("sha256").update(token).digest("hex")}`,
    tags: [{ name: "category", value: "newsletter-confirmation" }],
  });
}

/** Adds (or re-confirms) the contact with its consent evidence. Safe to repeat. */
export async function confirmSubscription(
  claims: SignupClaims,
  mailer: Mailer,
  now = new Date(),
): Promise<void> {
  await mailer.subscribe({
    email: claims.email,
    firstName: claims.firstName,
    properties: {
      consent_confirmed_at: now.toISOString(),
      consent_source: claims.source,
      consent_privacy_policy: siteConfig.privacyPolicyVersion,
    },
  });
}
