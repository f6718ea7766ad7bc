import { emailField } from "@/lib/inquiry-schema";
import { singleLine } from "@/lib/text";
import "@/lib/zod";
import * as z from "zod/mini";

/** Where a signup came from, kept with the consent. */
export const signupSources = ["site-band", "newsletter-page", "content-slot", "confirm-page"] as const;
export type SignupSource = (typeof signupSources)[number];

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
export type NewsletterField = "email" | "firstName";
export const newsletterFields = ["email", "firstName"] as const satisfies readonly NewsletterField[];
