import "server-only";
import { InquiryEmail } from "@/components/emails/inquiry-email";
import { InquiryReceiptEmail } from "@/components/emails/inquiry-receipt-email";
import { siteConfig } from "@/lib/config/site-config";
import type { Db } from "@/lib/db/client";
import { describeDbError } from "@/lib/db/log-error";
import type { InquiryStatus, StoredEmail } from "@/lib/db/schema";
import { deliverInquiry } from "@/lib/inquiry/delivery";
import type { Inquiry } from "@/lib/inquiry/validation";
import { storeInquiry } from "@/lib/inquiry/store";
import { normaliseEmail } from "@/lib/forms/email-field";
import type { EmailCaps } from "@/lib/forms/email-caps";
import { renderEmail } from "@/lib/mail/render-email";
import type { DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

/** The coach's email's subject, in the coach's language. */
export function inquirySubject(inquiry: Inquiry): string {
  return fill(dictionary(siteConfig.coachLanguage).emails.inquiry.subject, { name: inquiry.name });
}

/**
 * The address as every later step uses it (dedupe key, reply-to, receipt): normalised once, so
 * a retry's payload and its idempotency key always agree.
 */
export function normaliseInquiry(inquiry: Inquiry): Inquiry {
  return { ...inquiry, email: normaliseEmail(inquiry.email) };
}

/**
 * Both emails, rendered once when the inquiry is stored: every retry sends the same bytes and
 * the worker needs no templates. Nothing in them changes between two renders (no timestamps).
 */
export async function renderInquiryEmails(
  inquiry: Inquiry,
  {
    from,
    to,
    bookingUrl,
    language = "en",
  }: {
    from: string;
    to: string;
    bookingUrl?: string;
    /** The page's, for the receipt. */ language?: Language;
  },
): Promise<{ coachEmail: StoredEmail; receiptEmail: StoredEmail }> {
  // The coach reads their own language; the person reads the language of the page they used.
  const coachLanguage = siteConfig.coachLanguage;
  const [coach, receipt] = await Promise.all([
    renderEmail(<InquiryEmail inquiry={inquiry} language={coachLanguage} wroteIn={language} />),
    renderEmail(
      <InquiryReceiptEmail
        coachName={siteConfig.coach.name}
        practiceName={siteConfig.name}
        bookingUrl={bookingUrl}
        language={language}
      />,
    ),
  ]);
  return {
    coachEmail: {
      from,
      to,
      replyTo: inquiry.email,
      subject: inquirySubject(inquiry),
      ...coach,
      tags: [{ name: "category", value: "inquiry" }],
    },
    receiptEmail: {
      from,
      to: inquiry.email,
      replyTo: siteConfig.contact.email,
      subject: fill(dictionary(language).emails.receipt.subject, { coach: siteConfig.coach.name }),
      ...receipt,
      tags: [{ name: "category", value: "inquiry-receipt" }],
    },
  };
}

export type Received = {
  id: string;
  /** `delivered`: the coach has it. Anything else: stored, and the worker (or the coach) takes it on. */
  status: InquiryStatus;
  receiptSent: boolean;
  /** The same inquiry was already stored within 24 hours: this is the first one's answer. */
  duplicate: boolean;
};

/**
 * An accepted inquiry, step by step: render both emails, store it (the one step that must
 * succeed; a failure here throws), then try to deliver it within `deadlineMs`. Once stored,
 * nothing that goes wrong loses it: a failed or slow delivery is left to the worker.
 */
export async function receiveInquiry(
  db: Db,
  mailer: DeliveryMailer,
  typed: Inquiry,
  options: {
    from: string;
    to: string;
    bookingUrl?: string;
    heldReason?: string;
    deadlineMs?: number;
    caps?: EmailCaps;
    /** The language of the page the person wrote from: their receipt is in it. */
    language?: Language;
  },
): Promise<Received> {
  const started = Date.now();
  const inquiry = normaliseInquiry(typed);
  const emails = await renderInquiryEmails(inquiry, options);
  // A held inquiry is emailed only if the coach releases it: nothing to count until then.
  const counted = options.caps && options.heldReason === undefined;
  const receiptAllowed = counted
    ? (await options.caps!.take("inquiry-receipt", inquiry.email)).allowed
    : true;
  const { inquiry: row, duplicate } = await storeInquiry(db, {
    payload: inquiry,
    ...emails,
    heldReason: options.heldReason,
    receiptAllowed,
    language: options.language ?? "en",
  });
  if (duplicate && counted && receiptAllowed) await options.caps!.giveBack("inquiry-receipt", inquiry.email);
  const stored = {
    id: row.id,
    status: row.status,
    receiptSent: row.receiptStatus === "delivered",
    duplicate,
  };
  if (row.status === "held" || row.status === "delivered") return stored;

  const deadlineMs = (options.deadlineMs ?? timing.answerMs) - (Date.now() - started);
  try {
    const outcome = await deliverInquiry(db, mailer, row.id, {
      deadlineMs: Math.max(timing.minimumSendMs, deadlineMs),
      perCallTimeoutMs: timing.callWhileWaitingMs,
    });
    return { ...stored, ...outcome };
  } catch (error) {
    console.error(`[inquiry] ${row.id} stored; first delivery attempt failed: ${describeDbError(error)}`);
    return stored;
  }
}
