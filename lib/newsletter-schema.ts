import { emailField } from "@/lib/inquiry-schema";
import { signupSources } from "@/lib/newsletter-fields";
import { singleLine } from "@/lib/text";
import "@/lib/zod";
import * as z from "zod/mini";

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
