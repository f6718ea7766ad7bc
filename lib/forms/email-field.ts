import * as z from "@/lib/forms/zod";

/** The longest address SMTP can carry (RFC 5321 path limit, less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/** An email address as every form asks for it. */
export const emailField = z.pipe(
  z
    .string({ error: "Please enter your email address." })
    .check(
      z.trim(),
      z.minLength(1, "Please enter your email address."),
      z.maxLength(EMAIL_MAX_LENGTH, "That email address is too long."),
    ),
  z.email("Please enter a valid email address, like you@company.com."),
);

/**
 * One form of an address for counting and storing: `Grace@Example.com ` and `grace@example.com`
 * are the same person. Lower-casing the local part too is what every large provider does.
 */
export function normaliseEmail(address: string): string {
  return address.normalize("NFC").trim().toLowerCase();
}
