import * as z from "@/lib/forms/zod";

/** The longest address SMTP can carry (RFC 5321 path limit, less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An email address as every form asks for it. Its messages are keys of the dictionaries'
 * `validation` section: the form shows them in the page's language, in the browser and after
 * a round trip to the server alike.
 */
export const emailField = z.pipe(
  z
    .string({ error: "emailRequired" })
    .check(z.trim(), z.minLength(1, "emailRequired"), z.maxLength(EMAIL_MAX_LENGTH, "emailTooLong")),
  z.email("emailInvalid"),
);

/**
 * One form of an address for counting and storing: `Grace@Example.com ` and `grace@example.com`
 * are the same person. Lower-casing the local part too is what every large provider does.
 */
export function normaliseEmail(address: string): string {
  return address.normalize("NFC").trim().toLowerCase();
}
