import { z } from "zod";

const inquiryEnvSchema = z.object({
  INQUIRY_RETENTION_DAYS: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().positive("must be a whole number of days, 1 or more").default(365),
  ),
});

export type InquirySettings = { retentionDays: number };

export function parseInquirySettings(source: Record<string, string | undefined>): InquirySettings {
  const result = inquiryEnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`INQUIRY_RETENTION_DAYS ${result.error.issues[0]!.message}`);
  }
  return { retentionDays: result.data.INQUIRY_RETENTION_DAYS };
}
