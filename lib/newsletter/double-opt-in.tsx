import "server-only";
import { NewsletterConfirmationEmail } from "@/components/emails/newsletter-confirmation-email";
import { recordConversion } from "@/lib/analytics/conversions";
import { mailEnv, siteUrl } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import type { Db } from "@/lib/db/client";
import type { EmailCaps } from "@/lib/forms/email-caps";
import { requestVisitor } from "@/lib/forms/form-services";
import { MailError, type Mailer } from "@/lib/mail/mailer";
import { describeError, sendWithTimeout, withinTime } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { renderEmail } from "@/lib/mail/render-email";
import { syncContact } from "@/lib/newsletter/contact-sync";
import type { SignupRow, StoredEmail } from "@/lib/db/schema";
import {
  claimQueuedSignup,
  markConfirmationSent,
  pauseConfirmation,
  prepareSend,
  recordConfirmationFailure,
} from "@/lib/newsletter/confirmation-queue";
import {
  confirmLink,
  createSignup,
  deleteSignup,
  getSubscriber,
  isSubscribed,
  signupExists,
  type LinkState,
} from "@/lib/newsletter/store";
import type { NewsletterSignup } from "@/lib/newsletter/validation";
import { confirmPaths } from "@/lib/newsletter/confirm-path";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { languageInfo, type Language } from "@/lib/i18n/languages";

/** What the person is told: the email is on its way, or waits for the site's daily cap to reset. */
export type SignupAnswer = "on-its-way" | "paused";

/** Runs work after the answer has gone (Next's `after()` on the site; tests run it themselves). */
export type Defer = (work: () => Promise<void>) => void;

/**
 * The first step of the double opt-in, in the request: the same work for every address (read
 * the site's daily cap, store the signup), so neither the answer nor its timing tells who is
 * subscribed. The email goes right after the answer; what happens then (sent, nothing for a
 * subscribed address or one past its cap, a retry) never reaches the person's screen.
 */
export async function requestConfirmation(
  db: Db,
  mailer: Mailer,
  caps: EmailCaps,
  signup: NewsletterSignup,
  defer: Defer,
  { language = "en", now = new Date() }: { language?: Language; now?: Date } = {},
): Promise<SignupAnswer> {
  const paused = await caps.dailyCapReached();
  const { id, token } = await createSignup(
    db,
    {
      email: signup.email,
      firstName: signup.firstName,
      form: signup.source,
      policyVersion: siteConfig.privacyPolicyVersion,
      language,
    },
    now,
  );
  // Who asked, for analytics (headers only, the same for every address); the signup is counted
  // in the deferred work, after the answer, for every address alike (docs/analytics.md).
  const visitor = await requestVisitor();
  defer(async () => {
    await recordConversion(db, "signup", visitor, { language, now });
    const row = await claimQueuedSignup(db, id);
    if (row) await sendConfirmation(db, mailer, caps, row, { token });
  });
  return paused ? "paused" : "on-its-way";
}

export type ConfirmationOutcome = "sent" | "already-subscribed" | "capped" | "paused" | "retrying" | "failed";

/**
 * Sends one claimed signup's email: nothing for an address on the list or past its mailbox
 * cap (the row goes), a pause while the daily cap is used up, else the email. `token` is the
 * request's own; without it (the worker) the link gets a fresh one.
 */
export async function sendConfirmation(
  db: Db,
  mailer: Pick<Mailer, "send">,
  caps: EmailCaps,
  row: SignupRow,
  {
    token,
    now = new Date(),
    timeoutMs = timing.callInPassMs,
  }: { token?: string; now?: Date; timeoutMs?: number } = {},
): Promise<ConfirmationOutcome> {
  if (row.confirmationStatus === "retrying" && row.confirmationEmail) {
    return attemptSend(db, mailer, caps, row, row.confirmationEmail, timeoutMs, now);
  }
  if (await isSubscribed(db, row.email)) {
    await deleteSignup(db, row.id);
    return "already-subscribed";
  }
  const decision = await caps.take("newsletter-confirmation", row.email);
  if (!decision.allowed && decision.cap === "address") {
    console.info("[newsletter] confirmation not sent: the mailbox reached its cap");
    await deleteSignup(db, row.id);
    return "capped";
  }
  if (!decision.allowed) {
    await pauseConfirmation(db, row.id);
    return "paused";
  }
  const email = await prepareSend(db, row.id, (link, expiresAt) => confirmationEmail(row, link, expiresAt), {
    token,
    now,
  });
  return attemptSend(db, mailer, caps, { ...row, confirmationKeyIssuedAt: now }, email, timeoutMs, now);
}

/** The email with the link, in the signup's language, opening the confirm page in that language. */
async function confirmationEmail(
  { email: to, language }: Pick<SignupRow, "email" | "language">,
  token: string,
  expiresAt: Date,
): Promise<StoredEmail> {
  const expiresOn = expiresAt.toLocaleString(languageInfo[language].intl, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const body = await renderEmail(
    <NewsletterConfirmationEmail
      confirmUrl={`${siteUrl()}${confirmPaths[language]}?token=${token}`}
      practiceName={siteConfig.name}
      expiresOn={`${expiresOn} UTC`}
      language={language}
    />,
  );
  return {
    from: mailEnv().mail.from,
    to,
    subject: fill(dictionary(language).emails.confirmation.subject, { practice: siteConfig.name }),
    ...body,
    tags: [{ name: "category", value: "newsletter-confirmation" }],
  };
}

async function attemptSend(
  db: Db,
  mailer: Pick<Mailer, "send">,
  caps: EmailCaps,
  row: SignupRow,
  email: StoredEmail,
  timeoutMs: number,
  now: Date,
): Promise<ConfirmationOutcome> {
  // Erased (data:erase) since it was claimed: nothing goes to an address that asked to be forgotten.
  if (!(await signupExists(db, row.id))) return "failed";
  try {
    await sendWithTimeout(mailer, { ...email, idempotencyKey: `newsletter-confirm-${row.id}` }, timeoutMs);
  } catch (error) {
    // Refused for certain: the link was never sent, so it and its count go. Anything else
    // (a timeout, a 5xx) may still have been delivered: the link stays valid and the same
    // email is sent again later under the same key, which Resend delivers once.
    if (error instanceof MailError && !error.retryable) {
      console.error(`[newsletter] confirmation ${row.id} refused: ${describeError(error)}`);
      await deleteSignup(db, row.id);
      await caps.giveBack("newsletter-confirmation", email.to);
      return "failed";
    }
    return recordConfirmationFailure(db, row, describeError(error), now);
  }
  await markConfirmationSent(db, row.id);
  return "sent";
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
    await recordConversion(db, "confirmed", await requestVisitor(), {
      language: subscriber?.language ?? "en",
      now,
    });
    if (subscriber) await withinTime(syncContact(db, mailer, subscriber, now), timing.callWhileWaitingMs);
  }
  return outcome;
}
