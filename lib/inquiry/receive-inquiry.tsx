import "server-only";
import { InquiryEmail } from "@/components/emails/inquiry-email";
import { InquiryReceiptEmail } from "@/components/emails/inquiry-receipt-email";
import { siteConfig } from "@/lib/config/site-config";
import type { Db } from "@/lib/db/client";
import type { InquiryStatus, StoredEmail } from "@/lib/db/schema";
import { deliverInquiry } from "@/lib/inquiry/delivery";
import type { Inquiry } from "@/lib/inquiry/validation";
import { storeInquiry } from "@/lib/inquiry/store";
import { normaliseEmail } from "@/lib/forms/email-field";
import type { EmailCaps } from "@/lib/forms/email-caps";
import { renderEmail } from "@/lib/mail/render-email";
import type { DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";

export function inquirySubject(inquiry: Inquiry): string {
  return `Intro call inquiry from ${inquiry.name}`;
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
  { from, to, bookingUrl }: { from: string; to: string; bookingUrl?: string },
): Promise<{ coachEmail: StoredEmail; receiptEmail: StoredEmail }> {
  const [coach, receipt] = await Promise.all([
    renderEmail(<InquiryEmail inquiry={inquiry} />),
    renderEmail(
      <InquiryReceiptEmail
        coachName={siteConfig.coach.name}
        practiceName={siteConfig.name}
        bookingUrl={bookingUrl}
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
      subject: `Thank you for your message to ${siteConfig.coach.name}`,
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
  },
): Promise<Received> {
  const started = Date.now();
  const inquiry = normaliseInquiry(typed);
  const emails = await renderInquiryEmails(inquiry, options);
  // A held inquiry is emailed only if the coach releases it: nothing to count until then.
  const counted = options.caps && options.heldReason === undefined;
  const receiptAllowed = counted ? await options.caps!.take("inquiry-receipt", inquiry.email) : true;
  const { inquiry: row, duplicate } = await storeInquiry(db, {
    payload: inquiry,
    ...emails,
    heldReason: options.heldReason,
    receiptAllowed,
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
    console.error(
      `[inquiry] ${row.id} stored; first delivery attempt failed:`,
      error instanceof Error ? error.message : error,
    );
    return stored;
  }
}
