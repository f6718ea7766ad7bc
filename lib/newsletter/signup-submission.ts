import "server-only";
import { formDatabase } from "@/lib/forms/form-database";
import type { FormState } from "@/lib/forms/form-state";
import { fromSchema, type FormSubmission } from "@/lib/forms/submit-form";
import { requestConfirmation } from "@/lib/newsletter/double-opt-in";
import type { NewsletterField } from "@/lib/newsletter/fields";
import { newsletterFields } from "@/lib/newsletter/fields";
import { newsletterSchema, type NewsletterSignup } from "@/lib/newsletter/validation";

export type NewsletterState = FormState<NewsletterField>;

// The same answer whether the address is new, already on the list or past its caps: the form
// tells nobody who is subscribed, and a flood learns nothing from it.
const checkInbox = (email: string) =>
  `Almost done: I sent a confirmation link to ${email}. Press the button in that email to start receiving the newsletter.`;

/** A newsletter signup: stores a pending signup and sends its confirmation link; adds nobody yet. */
export const signupSubmission: FormSubmission<NewsletterField, NewsletterSignup> = {
  name: "newsletter",
  fields: newsletterFields,
  botAnswer: (values) => checkInbox(values.email?.trim() ?? "your address"),
  parse: (values, form) => fromSchema(newsletterSchema.safeParse({ ...values, source: form.get("source") })),
  invalidMessage: "You are not subscribed yet. Please correct the field marked below.",
  rateLimitedMessage: (wait) =>
    `Too many signups from this network in a short time. Please try again in ${wait}.`,
  async act(signup, { mailer, emailCaps }) {
    await requestConfirmation(await formDatabase(), mailer, emailCaps, signup);
    return checkInbox(signup.email);
  },
  failedMessage:
    "The confirmation email could not be sent, so you are not subscribed yet. Please try again in a minute.",
};
