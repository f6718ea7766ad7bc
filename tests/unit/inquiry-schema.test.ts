import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inquiryLimits } from "@/lib/inquiry/fields";
import { inquirySchema } from "@/lib/inquiry/validation";

const valid = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  company: "",
  role: "",
  message: "I would like to work on influence without authority.",
};

const errorsFor = (input: Record<string, unknown>) => {
  const result = inquirySchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("inquirySchema", () => {
  it("accepts a complete inquiry and treats empty optional fields as absent", () => {
    const result = inquirySchema.parse(valid);
    expect(result).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      message: valid.message,
    });
    expect(inquirySchema.parse({ ...valid, company: " Acme ", role: "CTO" })).toMatchObject({
      company: "Acme",
      role: "CTO",
    });
  });

  it("names every missing required field with its own message", () => {
    expect(errorsFor({ name: "", email: "", message: "" })).toEqual({
      name: ["nameRequired"],
      email: expect.arrayContaining(["emailRequired"]),
      message: expect.arrayContaining(["messageRequired"]),
    });
    expect(errorsFor({})).toMatchObject({ name: ["nameRequired"] });
  });

  it("rejects roles outside the list, short and long messages, long names", () => {
    expect(errorsFor({ ...valid, role: "Astronaut" }).role).toEqual(["roleInvalid"]);
    expect(errorsFor({ ...valid, message: "Help me" }).message?.[0]).toBe("messageTooShort");
    expect(errorsFor({ ...valid, message: "x".repeat(inquiryLimits.message + 1) }).message?.[0]).toBe(
      "messageTooLong",
    );
    expect(errorsFor({ ...valid, name: "n".repeat(101) }).name?.[0]).toBe("nameTooLong");
  });

  it("keeps any unicode name, as one line without control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), (raw) => {
        const result = inquirySchema.shape.name.safeParse(raw);
        if (!result.success) return; // blank after cleaning: a clear error, tested above
        expect(result.data).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
        expect(result.data).toBe(result.data.trim());
      }),
    );
  });

  it("never lets CR or LF into the name, which becomes the subject line", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("\r\n", "\n", "\r", "\u0000", "\u2028"),
        fc.string(),
        (a, separator, b) => {
          const result = inquirySchema.shape.name.safeParse(`Ada${a}${separator}Bcc: victim@example.com${b}`);
          if (result.success) expect(result.data).not.toMatch(/[\r\n\u0000]/);
        },
      ),
    );
  });

  it("accepts well-formed addresses and rejects strings without an @domain", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const result = inquirySchema.shape.email.safeParse(email);
        // zod is stricter than RFC 5322 (no quoted local parts); whatever it accepts must round-trip.
        if (result.success) expect(result.data).toBe(email.trim());
      }),
    );
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("@")),
        (text) => {
          expect(inquirySchema.shape.email.safeParse(text).success).toBe(false);
        },
      ),
    );
  });

  it("keeps the line breaks of a message and drops other control characters", () => {
    const result = inquirySchema.shape.message.parse(
      "First line\r\nSecond\u0007 line\u202E\n\n\n\nThird line",
    );
    expect(result).toBe("First line\nSecond line\n\nThird line");
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 0, maxLength: 5000 }), (raw) => {
        const result = inquirySchema.shape.message.safeParse(raw);
        if (result.success) {
          expect(result.data.length).toBeGreaterThanOrEqual(inquiryLimits.messageMin);
          expect(result.data.length).toBeLessThanOrEqual(inquiryLimits.message);
          expect(result.data).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
        }
      }),
    );
  });

  it("answers huge input with a message, not a crash", () => {
    const huge = "x".repeat(1_000_000);
    const errors = errorsFor({
      name: huge,
      email: `${huge}@example.com`,
      company: huge,
      message: huge,
    });
    expect(Object.keys(errors).sort()).toEqual(["company", "email", "message", "name"]);
  });
});
