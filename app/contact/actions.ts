"use server";

import { headers } from "next/headers";
import { flattenError } from "zod/mini";
import { clientIp } from "@/lib/client-ip";
import { formValues, type FormState } from "@/lib/form-state";
import { deliverInquiry } from "@/lib/inquiry";
import { inquiryFields, type InquiryField } from "@/lib/inquiry-fields";
import { inquirySchema } from "@/lib/inquiry-schema";
import { MailError } from "@/lib/mail";
import { rateLimitWait } from "@/lib/rate-limit";
import { siteConfig } from "@/lib/site-config";
import { botSignal } from "@/lib/spam";

export type InquiryState = FormState<InquiryField>;

const thanks = (receiptSent: boolean): InquiryState => ({
  status: "success",
  message: receiptSent
    ? `Thank you. Your message has reached ${siteConfig.coach.name}, and a confirmation is on its way to your inbox. Expect a reply within two working days to find a time for the intro call.`
    : `Thank you. Your message has reached ${siteConfig.coach.name}. Expect a reply within two working days to find a time for the intro call.`,
  answeredAt: Date.now(),
});

export async function sendInquiry(_previous: InquiryState, form: FormData): Promise<InquiryState> {
  const values = formValues(form, inquiryFields);
  const answeredAt = Date.now();

  // A bot gets the same answer as a person, so it learns nothing; nothing is sent.
  const signal = botSignal(form);
  if (signal) {
    console.info(`[inquiry] dropped a submission (${signal})`);
    return thanks(true);
  }

  const parsed = inquirySchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "Your message was not sent. Please correct the fields marked below.",
      fieldErrors: flattenError(parsed.error).fieldErrors,
      values,
      answeredAt,
    };
  }

  const wait = await rateLimitWait("inquiry", clientIp(await headers()));
  if (wait) {
    return {
      status: "error",
      message: `Your message was not sent: this network has sent several messages in a short time. Please try again in ${wait}, or email ${siteConfig.contact.email}.`,
      values,
      answeredAt,
    };
  }

  try {
    const { receiptSent } = await deliverInquiry(parsed.data);
    return thanks(receiptSent);
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    console.error("[inquiry] delivery failed", error.message);
    return {
      status: "error",
      message: `Your message was not sent: the email service did not respond. Everything you typed is still here, so please try again in a minute, or email ${siteConfig.contact.email} directly.`,
      values,
      answeredAt,
    };
  }
}
