import "server-only";
import type { FormState } from "@/lib/forms/form-state";
import { fromSchema, type FormSubmission } from "@/lib/forms/submit-form";
import { requestConfirmation } from "@/lib/newsletter/double-opt-in";
import type { NewsletterField } from "@/lib/newsletter/fields";
import { newsletterFields } from "@/lib/newsletter/fields";
import { newsletterSchema, type NewsletterSignup } from "@/lib/newsletter/schema";

export type NewsletterState = FormState<NewsletterField>;

// The same answer whether or not the address is already on the list: nothing leaks.
const checkInbox = (email: string) =>
  `Almost done: I sent a confirmation link to ${email}. Press the button in that email to start receiving the newsletter.`;

/** A newsletter signup: sends the confirmation email of the double opt-in, adds nobody yet. */
export const signupSubmission: FormSubmission<NewsletterField, NewsletterSignup> = {
  name: "newsletter",
  fields: newsletterFields,
  botAnswer: (values) => checkInbox(values.email?.trim() ?? "your address"),
  parse: (values, form) => fromSchema(newsletterSchema.safeParse({ ...values, source: form.get("source") })),
  invalidMessage: "You are not subscribed yet. Please correct the field marked below.",
  rateLimitedMessage: (wait) =>
    `Too many signups from this network in a short time. Please try again in ${wait}.`,
  async act(signup, { mailer }) {
    await requestConfirmation(signup, mailer);
    return checkInbox(signup.email);
  },
  failedMessage:
    "The confirmation email could not be sent, so you are not subscribed yet. Please try again in a minute.",
};
