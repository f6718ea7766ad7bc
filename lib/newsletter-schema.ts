import { z } from "zod";
import { singleLine } from "@/lib/text";

/** Where a signup came from, kept with the consent. */
export const signupSources = [
  "site-band",
  "newsletter-page",
  "content-slot",
  "confirm-page",
] as const;
export type SignupSource = (typeof signupSources)[number];

export const newsletterSchema = z.object({
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter a valid email address, like you@company.com.")),
  firstName: z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() === "" ? undefined : value,
    z
      .string()
      .transform(singleLine)
      .pipe(
        z.string().max(60, "Please keep your first name under 60 characters."),
      )
      .optional(),
  ),
  source: z.enum(signupSources).catch("site-band"),
});

export type NewsletterSignup = z.output<typeof newsletterSchema>;
export type NewsletterField = "email" | "firstName";
export const newsletterFields = [
  "email",
  "firstName",
] as const satisfies readonly NewsletterField[];
