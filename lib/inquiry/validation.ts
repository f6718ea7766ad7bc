import { emailField } from "@/lib/forms/email-field";
import { multiLine, singleLine } from "@/lib/forms/sanitize";
import * as z from "@/lib/forms/zod";
import { inquiryLimits, inquiryRoles, type InquiryField } from "@/lib/inquiry/fields";

const blankToUndefined = <T extends string>(value: T | undefined) => (value ? value : undefined);

/** The booking inquiry: shared by the form (checks as you go) and the Server Action (the authority). */
export const inquirySchema = z.object({
  name: z
    .string({ error: "Please enter your name." })
    .check(
      z.overwrite(singleLine),
      z.minLength(1, "Please enter your name."),
      z.maxLength(inquiryLimits.name, `Please keep your name under ${inquiryLimits.name} characters.`),
    ),
  email: emailField,
  company: z.pipe(
    z.optional(
      z
        .string()
        .check(
          z.overwrite(singleLine),
          z.maxLength(
            inquiryLimits.company,
            `Please keep the company name under ${inquiryLimits.company} characters.`,
          ),
        ),
    ),
    z.transform(blankToUndefined),
  ),
  role: z.pipe(
    z.optional(
      z.union([z.literal(""), z.enum(inquiryRoles)], {
        error: "Please choose one of the roles in the list.",
      }),
    ),
    z.transform(blankToUndefined),
  ),
  message: z
    .string({ error: "Please tell me what you would like to work on." })
    .check(
      z.overwrite(multiLine),
      z.minLength(1, "Please tell me what you would like to work on."),
      z.minLength(
        inquiryLimits.messageMin,
        `Please write a sentence or more (at least ${inquiryLimits.messageMin} characters).`,
      ),
      z.maxLength(
        inquiryLimits.message,
        `Please keep it under ${inquiryLimits.message} characters: we can go into detail on the call.`,
      ),
    ),
} satisfies Record<InquiryField, z.ZodMiniType>);

export type Inquiry = z.output<typeof inquirySchema>;
