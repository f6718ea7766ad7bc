import "server-only";
import { NewsletterConfirmationEmail } from "@/components/emails/newsletter-confirmation-email";
import { mailEnv, siteUrl } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import type { Db } from "@/lib/db/client";
import type { EmailCaps } from "@/lib/forms/email-caps";
import { MailError, type Mailer } from "@/lib/mail/mailer";
import { describeError, sendWithTimeout, withinTime } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { renderEmail } from "@/lib/mail/render-email";
import { syncContact } from "@/lib/newsletter/contact-sync";
import type { NewsletterSignup } from "@/lib/newsletter/validation";
import {
  confirmLink,
  createSignup,
  deleteSignup,
  getSubscriber,
  isSubscribed,
  type LinkState,
} from "@/lib/newsletter/store";

export const CONFIRM_PATH = "/newsletter/confirm";

export type ConfirmationRequest = "sent" | "already-subscribed" | "capped";

/**
 * The first step of the double opt-in: stores a pending signup and sends its one link. Sends
 * nothing to an address already on the list or past its caps; the person sees the same answer
 * either way, so the form tells nobody who is subscribed. A send that fails throws a MailError.
 */
export async function requestConfirmation(
  db: Db,
  mailer: Mailer,
  caps: EmailCaps,
  signup: NewsletterSignup,
  now = new Date(),
): Promise<ConfirmationRequest> {
  if (await isSubscribed(db, signup.email)) return "already-subscribed";
  if (!(await caps.take("newsletter-confirmation", signup.email))) {
    console.info("[newsletter] confirmation not sent: the address or the site reached its cap");
    return "capped";
  }
  const { id, token, expiresAt } = await createSignup(
    db,
    {
      email: signup.email,
      firstName: signup.firstName,
      form: signup.source,
      policyVersion: siteConfig.privacyPolicyVersion,
    },
    now,
  );
  const { mail } = mailEnv();
  const body = await renderEmail(
    <NewsletterConfirmationEmail
      confirmUrl={`${siteUrl()}${CONFIRM_PATH}?token=${token}`}
      practiceName={siteConfig.name}
      expiresOn={expiresAt.toUTCString()}
    />,
  );
  try {
    await sendWithTimeout(
      mailer,
      {
        from: mail.from,
        to: signup.email,
        subject: `Please confirm your subscription to the ${siteConfig.name} newsletter`,
        ...body,
        idempotencyKey: `newsletter-confirm-${id}`,
        tags: [{ name: "category", value: "newsletter-confirmation" }],
      },
      timing.callWhileWaitingMs,
    );
    return "sent";
  } catch (error) {
    // Refused for certain: the link was never sent, so it and its count go. A timeout may
    // still deliver: the link stays valid and counted.
    if (error instanceof MailError) {
      await deleteSignup(db, id);
      await caps.giveBack("newsletter-confirmation", signup.email);
      throw error;
    }
    throw new MailError(describeError(error), true);
  }
}

/**
 * The second step: the button on the link's page. Starts the subscription and records its
 * consent once; then writes the contact to Resend. If Resend fails, the person is subscribed
 * all the same and the delivery worker writes the contact later.
 */
export async function confirmSubscription(
  db: Db,
  mailer: Pick<Mailer, "subscribe">,
  token: string,
  now = new Date(),
): Promise<LinkState> {
  const { outcome, confirmedNow } = await confirmLink(db, token, now);
  if (confirmedNow && outcome.state === "subscribed") {
    const subscriber = await getSubscriber(db, outcome.email);
    if (subscriber) await withinTime(syncContact(db, mailer, subscriber, now), timing.callWhileWaitingMs);
  }
  return outcome;
}
