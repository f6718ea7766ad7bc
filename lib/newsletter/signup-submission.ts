import "server-only";
import { formDatabase } from "@/lib/forms/form-database";
import type { FormState } from "@/lib/forms/form-state";
import { fromSchema, type FormSubmission } from "@/lib/forms/submit-form";
import { requestConfirmation } from "@/lib/newsletter/double-opt-in";
import type { NewsletterField } from "@/lib/newsletter/fields";
import { newsletterFields } from "@/lib/newsletter/fields";
import { newsletterSchema, type NewsletterSignup } from "@/lib/newsletter/validation";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

export type NewsletterState = FormState<NewsletterField>;

// The same answer whether the address is new, already on the list or past its caps: the form
// tells nobody who is subscribed, and a flood learns nothing from it. Only the site-wide daily
// cap changes it, for everyone alike.
const words = (language: Language) => dictionary(language).newsletterAnswers;

/** A newsletter signup: stores a pending signup and sends its confirmation link; adds nobody yet. */
export const signupSubmission: FormSubmission<NewsletterField, NewsletterSignup> = {
  name: "newsletter",
  fields: newsletterFields,
  botAnswer: (values, language) => fill(words(language).onItsWay, { email: values.email?.trim() ?? "" }),
  parse: (values, form) => fromSchema(newsletterSchema.safeParse({ ...values, source: form.get("source") })),
  invalidMessage: (language) => words(language).invalid,
  rateLimitedMessage: (wait, language) => fill(words(language).rateLimited, { wait }),
  async act(signup, { mailer, emailCaps, defer }, { language }) {
    const db = await formDatabase();
    const answer = await requestConfirmation(db, mailer, emailCaps, signup, defer, { language });
    return fill(answer === "paused" ? words(language).paused : words(language).onItsWay, {
      email: signup.email,
    });
  },
  failedMessage: (language) => words(language).failed,
};
