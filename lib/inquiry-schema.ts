import { z } from "zod";
import { multiLine, singleLine } from "@/lib/text";

export const inquiryRoles = [
  "VP Engineering",
  "CTO",
  "Head/Director of Engineering",
  "Other",
] as const;

export const inquiryLimits = {
  name: 100,
  email: 254,
  company: 120,
  message: 4000,
  messageMin: 20,
};

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The booking inquiry: shared by the form (checks as you go) and the Server Action (the authority). */
export const inquirySchema = z.object({
  name: z
    .string({ error: "Please enter your name." })
    .transform(singleLine)
    .pipe(
      z
        .string()
        .min(1, "Please enter your name.")
        .max(
          inquiryLimits.name,
          `Please keep your name under ${inquiryLimits.name} characters.`,
        ),
    ),
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(inquiryLimits.email, "That email address is too long.")
    .pipe(z.email("Please enter a valid email address, like you@company.com.")),
  company: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform(singleLine)
      .pipe(
        z
          .string()
          .max(
            inquiryLimits.company,
            `Please keep the company name under ${inquiryLimits.company} characters.`,
          ),
      )
      .optional(),
  ),
  role: z.preprocess(
    emptyToUndefined,
    z
      .enum(inquiryRoles, {
        error: "Please choose one of the roles in the list.",
      })
      .optional(),
  ),
  message: z
    .string({ error: "Please tell me what you would like to work on." })
    .transform(multiLine)
    .pipe(
      z
        .string()
        .min(1, "Please tell me what you would like to work on.")
        .min(
          inquiryLimits.messageMin,
          `Please write a sentence or more (at least ${inquiryLimits.messageMin} characters).`,
        )
        .max(
          inquiryLimits.message,
          `Please keep it under ${inquiryLimits.message} characters: we can go into detail on the call.`,
        ),
    ),
});

export type Inquiry = z.output<typeof inquirySchema>;
export type InquiryField = keyof z.input<typeof inquirySchema>;
export const inquiryFields = [
  "name",
  "email",
  "company",
  "role",
  "message",
] as const satisfies readonly InquiryField[];
