import "server-only";
import { createHash } from "node:crypto";
import { InquiryEmail } from "@/components/emails/inquiry-email";
import { InquiryReceiptEmail } from "@/components/emails/inquiry-receipt-email";
import { renderEmail } from "@/lib/mail/render-email";
import { siteConfig } from "@/lib/config/site-config";
import type { Inquiry } from "@/lib/inquiry/schema";
import { MailError, type Mailer } from "@/lib/mail/mailer";

/**
 * The same inquiry (same words, same address) gets the same key, so a double click, a retry
 * after a timeout or a resubmitted no-JS form is delivered once (Resend keeps keys 24 hours).
 */
export function inquiryKey(inquiry: Inquiry): string {
  const canonical = JSON.stringify([
    inquiry.name,
    inquiry.email.toLowerCase(),
    inquiry.company ?? "",
    inquiry.role ?? "",
    inquiry.message,
  ]);
  return `inquiry-${createHash("sha256").update(canonical).digest("hex")}`;
}

export function inquirySubject(inquiry: Inquiry): string {
  return `Intro call inquiry from ${inquiry.name}`;
}

/**
 * Sends the inquiry to the coach (must succeed, or this throws MailError) and then a receipt to
 * the sender (best effort: the inquiry has arrived either way). Returns whether the receipt went.
 * The emails hold nothing that changes between two sends (no timestamps), so a repeat carries
 * the same payload as the first and Resend's idempotency check accepts it.
 */
export async function deliverInquiry(
  inquiry: Inquiry,
  { mailer, from, to }: { mailer: Mailer; from: string; to: string },
): Promise<{ receiptSent: boolean }> {
  const key = inquiryKey(inquiry);
  const coachEmail = await renderEmail(<InquiryEmail inquiry={inquiry} />);
  await mailer.send({
    from,
    to,
    replyTo: inquiry.email,
    subject: inquirySubject(inquiry),
    ...coachEmail,
    idempotencyKey: key,
    tags: [{ name: "category", value: "inquiry" }],
  });

  const receipt = await renderEmail(
    <InquiryReceiptEmail coachName={siteConfig.coach.name} practiceName={siteConfig.name} />,
  );
  try {
    await mailer.send({
      from,
      to: inquiry.email,
      replyTo: siteConfig.contact.email,
      subject: `Thank you for your message to ${siteConfig.coach.name}`,
      ...receipt,
      idempotencyKey: `${key}-receipt`,
      tags: [{ name: "category", value: "inquiry-receipt" }],
    });
    return { receiptSent: true };
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    console.error("[inquiry] receipt to sender failed; the inquiry itself was delivered", error.message);
    return { receiptSent: false };
  }
}
