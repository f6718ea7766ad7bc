// @vitest-environment node
import { describe, expect, it } from "vitest";
import { InquiryEmail } from "@/components/emails/inquiry-email";
import { NewsletterConfirmationEmail } from "@/components/emails/newsletter-confirmation-email";
import { renderEmail } from "@/lib/mail/render-email";
import { normaliseInquiry, inquirySubject } from "@/lib/inquiry/receive-inquiry";
import { inquirySchema } from "@/lib/inquiry/validation";

const hostile = inquirySchema.parse({
  name: 'Eve "<b>" O\'Hara',
  email: "eve@example.com",
  company: "<img src=x onerror=alert(1)>",
  role: "CTO",
  message: "</p><script>alert('x')</script>\nSecond line & more",
});

describe("the inquiry email", () => {
  it("escapes everything the person typed, in HTML", async () => {
    const { html } = await renderEmail(<InquiryEmail inquiry={hostile} language="en" wroteIn="de" />);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Second line &amp; more");
  });

  it("carries every field in the plain-text body", async () => {
    const { text } = await renderEmail(<InquiryEmail inquiry={hostile} language="en" wroteIn="de" />);
    for (const value of [
      hostile.name,
      hostile.email,
      hostile.company!,
      hostile.role!,
      "Second line & more",
    ]) {
      expect(text).toContain(value);
    }
  });

  it("renders the same bytes twice, so a repeated send matches its idempotency key", async () => {
    const first = await renderEmail(<InquiryEmail inquiry={hostile} language="en" wroteIn="de" />);
    const second = await renderEmail(<InquiryEmail inquiry={hostile} language="en" wroteIn="de" />);
    expect(second).toEqual(first);
  });

  it("has a one-line subject with the name, and the address normalised once", () => {
    const withBreak = inquirySchema.parse({
      ...hostile,
      name: "Eve\r\nBcc: all@example.com",
    });
    const subject = inquirySubject(withBreak);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toContain("Eve Bcc: all@example.com");
    expect(normaliseInquiry({ ...hostile, email: " EVE@Example.com " }).email).toBe("eve@example.com");
  });
});

describe("the newsletter confirmation email", () => {
  it("holds the confirmation link and its expiry, and no advertising", async () => {
    const confirmUrl = "https://example.com/newsletter/confirm?token=abc.def.ghi";
    const { html, text } = await renderEmail(
      <NewsletterConfirmationEmail
        confirmUrl={confirmUrl}
        practiceName="Alex Brandt Coaching"
        expiresOn="Tue, 01 Dec 2026 13:00:00 GMT"
        language="en"
      />,
    );
    expect(html).toContain(`href="${confirmUrl}"`);
    expect(text).toContain(confirmUrl);
    expect(text).toContain("Tue, 01 Dec 2026");
    expect(text.toLowerCase()).not.toMatch(/coaching package|book an intro|offer/);
  });
});
