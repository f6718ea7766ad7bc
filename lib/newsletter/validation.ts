import { emailField } from "@/lib/forms/email-field";
import { singleLine } from "@/lib/forms/sanitize";
import * as z from "@/lib/forms/zod";
import { newsletterLimits, signupSources } from "@/lib/newsletter/fields";

export const newsletterSchema = z.object({
  email: emailField,
  firstName: z.pipe(
    z.optional(
      z.string().check(z.overwrite(singleLine), z.maxLength(newsletterLimits.firstName, "firstNameTooLong")),
    ),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  ),
  source: z.catch(z.enum(signupSources), "site-band"),
});

export type NewsletterSignup = z.output<typeof newsletterSchema>;
