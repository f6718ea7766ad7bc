import { emailField } from "@/lib/forms/email-field";
import { singleLine } from "@/lib/forms/sanitize";
import * as z from "@/lib/forms/zod";
import { signupSources } from "@/lib/newsletter/fields";

export const newsletterSchema = z.object({
  email: emailField,
  firstName: z.pipe(
    z.optional(
      z
        .string()
        .check(z.overwrite(singleLine), z.maxLength(60, "Please keep your first name under 60 characters.")),
    ),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  ),
  source: z.catch(z.enum(signupSources), "site-band"),
});

export type NewsletterSignup = z.output<typeof newsletterSchema>;
