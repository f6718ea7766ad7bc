import { emailField } from "@/lib/forms/email-field";
import { multiLine, singleLine } from "@/lib/forms/sanitize";
import * as z from "@/lib/forms/zod";
import { inquiryLimits, inquiryRoles, type InquiryField } from "@/lib/inquiry/fields";

const blankToUndefined = <T extends string>(value: T | undefined) => (value ? value : undefined);

/** The booking inquiry: shared by the form (checks as you go) and the Server Action (the authority). */
export const inquirySchema = z.object({
  name: z
    .string({ error: "nameRequired" })
    .check(
      z.overwrite(singleLine),
      z.minLength(1, "nameRequired"),
      z.maxLength(inquiryLimits.name, "nameTooLong"),
    ),
  email: emailField,
  company: z.pipe(
    z.optional(
      z.string().check(z.overwrite(singleLine), z.maxLength(inquiryLimits.company, "companyTooLong")),
    ),
    z.transform(blankToUndefined),
  ),
  role: z.pipe(
    z.optional(
      z.union([z.literal(""), z.enum(inquiryRoles)], {
        error: "roleInvalid",
      }),
    ),
    z.transform(blankToUndefined),
  ),
  message: z
    .string({ error: "messageRequired" })
    .check(
      z.overwrite(multiLine),
      z.minLength(1, "messageRequired"),
      z.minLength(inquiryLimits.messageMin, "messageTooShort"),
      z.maxLength(inquiryLimits.message, "messageTooLong"),
    ),
} satisfies Record<InquiryField, z.ZodMiniType>);

export type Inquiry = z.output<typeof inquirySchema>;
