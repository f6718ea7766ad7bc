"use server";

import { headers } from "next/headers";
import { flattenError } from "zod/mini";
import { clientIp } from "@/lib/client-ip";
import { formValues, type FormState } from "@/lib/form-state";
import { MailError } from "@/lib/mail";
import { requestConfirmation } from "@/lib/newsletter";
import { newsletterFields, type NewsletterField } from "@/lib/newsletter-fields";
import { newsletterSchema } from "@/lib/newsletter-schema";
import { rateLimitWait } from "@/lib/rate-limit";
import { botSignal } from "@/lib/spam";

export type NewsletterState = FormState<NewsletterField>;

// The same answer whether or not the address is already on the list: nothing leaks.
const checkInbox = (email: string): NewsletterState => ({
  status: "success",
  message: `Almost done: I sent a confirmation link to ${email}. Press the button in that email to start receiving the newsletter.`,
  answeredAt: Date.now(),
});

export async function subscribe(_previous: NewsletterState, form: FormData): Promise<NewsletterState> {
  const values = formValues(form, newsletterFields);
  const answeredAt = Date.now();

  const signal = botSignal(form);
  if (signal) {
    console.info(`[newsletter] dropped a signup (${signal})`);
    return checkInbox(values.email?.trim() ?? "your address");
  }

  const parsed = newsletterSchema.safeParse({
    ...values,
    source: form.get("source"),
  });
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "You are not subscribed yet. Please correct the field marked below.",
      fieldErrors: flattenError(parsed.error).fieldErrors,
      values,
      answeredAt,
    };
  }

  const wait = await rateLimitWait("newsletter", clientIp(await headers()));
  if (wait) {
    return {
      status: "error",
      message: `Too many signups from this network in a short time. Please try again in ${wait}.`,
      values,
      answeredAt,
    };
  }

  try {
    await requestConfirmation(parsed.data);
    return checkInbox(parsed.data.email);
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    console.error("[newsletter] confirmation email failed", error.message);
    return {
      status: "error",
      message:
        "The confirmation email could not be sent, so you are not subscribed yet. Please try again in a minute.",
      values,
      answeredAt,
    };
  }
}
