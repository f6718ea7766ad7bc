import "server-only";
import { prefilledBookingUrl, type Invitee } from "@/lib/booking/booking-link";
import { mailEnv, siteEnv } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import { describeDbError } from "@/lib/db/log-error";
import { recordConversion } from "@/lib/analytics/conversions";
import { formDatabase } from "@/lib/forms/form-database";
import { requestVisitor } from "@/lib/forms/form-services";
import type { FormState, NextStep } from "@/lib/forms/form-state";
import { fromSchema, ServiceUnavailableError, type FormSubmission } from "@/lib/forms/submit-form";
import { inquiryFields, type InquiryField } from "@/lib/inquiry/fields";
import { receiveInquiry, type Received } from "@/lib/inquiry/receive-inquiry";
import { inquirySchema, type Inquiry } from "@/lib/inquiry/validation";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

export type InquiryState = FormState<InquiryField>;

const words = (language: Language) => dictionary(language).inquiryAnswers;
const coach = { coach: siteConfig.coach.name };
const contact = { email: siteConfig.contact.email };

/** The answer for an inquiry as stored; a repeat within 24 hours gets the first one's. */
export function inquiryAnswer(
  { status, receiptSent }: Pick<Received, "status" | "receiptSent">,
  language: Language = "en",
): string {
  const answers = words(language);
  // Stored but not delivered yet (the email service was slow or down): true, and nothing to retype.
  if (status !== "delivered") return fill(answers.saved, coach);
  return fill(receiptSent ? answers.thanksWithReceipt : answers.thanks, coach);
}

/**
 * With a booking page configured, the person can pick a time at once instead of waiting for the
 * reply, without typing their name and email again. Unset: no link, the answer as before.
 */
export function bookingStep(
  bookingUrl: string | undefined,
  invitee: Invitee,
  language: Language = "en",
): NextStep | undefined {
  if (!bookingUrl) return undefined;
  return { href: prefilledBookingUrl(bookingUrl, invitee), label: words(language).booking };
}

/** The booking inquiry: stored first, then delivered to the coach, with a receipt to the sender. */
export const inquirySubmission: FormSubmission<InquiryField, Inquiry> = {
  name: "inquiry",
  fields: inquiryFields,
  botAnswer: ({ name = "", email = "" }, language) => ({
    message: inquiryAnswer({ status: "delivered", receiptSent: true }, language),
    next: bookingStep(siteEnv().bookingUrl, { name, email }, language),
  }),
  keepsTooFast: true,
  parse: (values) => fromSchema(inquirySchema.safeParse(values)),
  invalidMessage: (language) => words(language).invalid,
  rateLimitedMessage: (wait, language) => fill(words(language).rateLimited, { wait, ...contact }),
  async act(inquiry, { mailer, emailCaps, defer }, { suspected, language }) {
    const { from, to } = mailEnv().mail;
    const { bookingUrl } = siteEnv();
    const db = await formDatabase();
    const received = await receiveInquiry(db, mailer, inquiry, {
      from,
      to,
      bookingUrl,
      heldReason: suspected,
      caps: emailCaps,
      language,
    }).catch((error: unknown) => {
      // Never the error's message: drizzle's carries the row's values (name, address, message).
      throw new ServiceUnavailableError(`the inquiry could not be stored (${describeDbError(error)})`);
    });
    // A new inquiry stored (not a repeat, not one held as a possible bot): a conversion,
    // attributed to the visit's landing page and source; it never fails the answer.
    if (!received.duplicate && !suspected) {
      const visitor = await requestVisitor();
      defer(async () => void (await recordConversion(db, "inquiry", visitor, { language })));
    }
    return {
      message: inquiryAnswer(received, language),
      next: bookingStep(bookingUrl, { name: inquiry.name, email: inquiry.email }, language),
    };
  },
  failedMessage: (language) => fill(words(language).failed, contact),
};
