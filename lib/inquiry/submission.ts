import "server-only";
import { serverEnv } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import type { FormState } from "@/lib/forms/form-state";
import { fromSchema, type FormSubmission } from "@/lib/forms/submit-form";
import { deliverInquiry } from "@/lib/inquiry/deliver-inquiry";
import { inquiryFields, type InquiryField } from "@/lib/inquiry/fields";
import { inquirySchema, type Inquiry } from "@/lib/inquiry/schema";

export type InquiryState = FormState<InquiryField>;

const thanks = (receiptSent: boolean) =>
  receiptSent
    ? `Thank you. Your message has reached ${siteConfig.coach.name}, and a confirmation is on its way to your inbox. Expect a reply within two working days to find a time for the intro call.`
    : `Thank you. Your message has reached ${siteConfig.coach.name}. Expect a reply within two working days to find a time for the intro call.`;

/** The booking inquiry: delivered to the coach, with a receipt to the sender. */
export const inquirySubmission: FormSubmission<InquiryField, Inquiry> = {
  name: "inquiry",
  fields: inquiryFields,
  botAnswer: () => thanks(true),
  parse: (values) => fromSchema(inquirySchema.safeParse(values)),
  invalidMessage: "Your message was not sent. Please correct the fields marked below.",
  rateLimitedMessage: (wait) =>
    `Your message was not sent: this network has sent several messages in a short time. Please try again in ${wait}, or email ${siteConfig.contact.email}.`,
  async act(inquiry, { mailer }) {
    const { from, to } = serverEnv().mail;
    const { receiptSent } = await deliverInquiry(inquiry, { mailer, from, to });
    return thanks(receiptSent);
  },
  failedMessage: `Your message was not sent: the email service did not respond. Everything you typed is still here, so please try again in a minute, or email ${siteConfig.contact.email} directly.`,
};
