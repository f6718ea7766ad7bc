import "server-only";
import { prefilledBookingUrl, type Invitee } from "@/lib/booking/booking-link";
import { mailEnv, siteEnv } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import { formDatabase } from "@/lib/forms/form-database";
import type { FormState, NextStep } from "@/lib/forms/form-state";
import { fromSchema, ServiceUnavailableError, type FormSubmission } from "@/lib/forms/submit-form";
import { inquiryFields, type InquiryField } from "@/lib/inquiry/fields";
import { receiveInquiry, type Received } from "@/lib/inquiry/receive-inquiry";
import { inquirySchema, type Inquiry } from "@/lib/inquiry/validation";

export type InquiryState = FormState<InquiryField>;

const thanks = (receiptSent: boolean) =>
  receiptSent
    ? `Thank you. Your message has reached ${siteConfig.coach.name}, and a confirmation is on its way to your inbox. Expect a reply within two working days to find a time for the intro call.`
    : `Thank you. Your message has reached ${siteConfig.coach.name}. Expect a reply within two working days to find a time for the intro call.`;

/** Stored but not delivered yet (the email service was slow or down): true, and nothing to retype. */
const saved = `Thank you. Your message is saved and will reach ${siteConfig.coach.name} shortly; you will get a confirmation by email when it has.`;

/** The answer for an inquiry as stored; a repeat within 24 hours gets the first one's. */
export function inquiryAnswer({ status, receiptSent }: Pick<Received, "status" | "receiptSent">): string {
  return status === "delivered" ? thanks(receiptSent) : saved;
}

/**
 * With a booking page configured, the person can pick a time at once instead of waiting for the
 * reply, without typing their name and email again. Unset: no link, the answer as before.
 */
export function bookingStep(bookingUrl: string | undefined, invitee: Invitee): NextStep | undefined {
  if (!bookingUrl) return undefined;
  return { href: prefilledBookingUrl(bookingUrl, invitee), label: "Pick a time for the intro call now" };
}

/** The booking inquiry: stored first, then delivered to the coach, with a receipt to the sender. */
export const inquirySubmission: FormSubmission<InquiryField, Inquiry> = {
  name: "inquiry",
  fields: inquiryFields,
  botAnswer: ({ name = "", email = "" }) => ({
    message: thanks(true),
    next: bookingStep(siteEnv().bookingUrl, { name, email }),
  }),
  keepsTooFast: true,
  parse: (values) => fromSchema(inquirySchema.safeParse(values)),
  invalidMessage: "Your message was not sent. Please correct the fields marked below.",
  rateLimitedMessage: (wait) =>
    `Your message was not sent: this network has sent several messages in a short time. Please try again in ${wait}, or email ${siteConfig.contact.email}.`,
  async act(inquiry, { mailer, emailCaps }, { suspected }) {
    const { from, to } = mailEnv().mail;
    const { bookingUrl } = siteEnv();
    const db = await formDatabase();
    const received = await receiveInquiry(db, mailer, inquiry, {
      from,
      to,
      bookingUrl,
      heldReason: suspected,
      caps: emailCaps,
    }).catch((error: unknown) => {
      throw new ServiceUnavailableError(
        `the inquiry could not be stored: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return {
      message: inquiryAnswer(received),
      next: bookingStep(bookingUrl, { name: inquiry.name, email: inquiry.email }),
    };
  },
  failedMessage: `Your message was not sent: the site could not save it just now. Everything you typed is still here, so please try again in a minute, or email ${siteConfig.contact.email} directly.`,
};
