// @vitest-environment node
// The two signup forms' rules run through the real pipeline with a recording mailer: what each
// Server Action does, without a build or a server.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import type { RateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { inquirySubmission } from "@/lib/inquiry/submission";
import { MailError, type Mailer, type OutgoingEmail } from "@/lib/mail/mailer";
import { signupSubmission } from "@/lib/newsletter/signup-submission";

// A fixed secret, so the signup does not write a generated one into the working tree.
vi.stubEnv("SIGNING_SECRET", "unit-test-signing-secret-0123456789abcdef");

let sent: OutgoingEmail[] = [];
let failSends: ((email: OutgoingEmail) => boolean) | undefined;
const mailer: Mailer = {
  async send(email) {
    if (failSends?.(email)) throw new MailError("Resend 503", true, 503);
    sent.push(email);
    return { id: String(sent.length) };
  },
  subscribe: async () => {},
};
const allowAll: RateLimiter = { consume: async () => ({ allowed: true }) };
const services: FormServices = { mailer, rateLimiter: allowAll, clientAddress: "203.0.113.1" };

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ [FILL_TIME_FIELD]: "60000", ...entries })) data.set(key, value);
  return data;
};

const inquiry = {
  name: 'Eve "<b>" O\'Hara',
  email: "eve@example.com",
  company: "Evil Corp <img src=x>",
  role: "CTO",
  message: "Please buy cheap pills at https://spam.example today.",
};

beforeEach(() => {
  sent = [];
  failSends = undefined;
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("the inquiry", () => {
  it("reaches the coach with every field, replies going to the sender", async () => {
    const state = await submitForm(inquirySubmission, form(inquiry), services);
    expect(state.status).toBe("success");
    const [toCoach] = sent;
    expect(toCoach).toMatchObject({
      replyTo: inquiry.email,
      idempotencyKey: expect.stringMatching(/^inquiry-/),
    });
    for (const value of [inquiry.email, inquiry.role, inquiry.message])
      expect(toCoach!.text).toContain(value);
  });

  it("sends the sender a receipt that carries nothing they typed, so the form cannot relay spam", async () => {
    await submitForm(inquirySubmission, form(inquiry), services);
    const receipt = sent.find((email) => email.to === inquiry.email);
    expect(receipt).toBeDefined();
    const everything = [receipt!.subject, receipt!.html, receipt!.text].join("\n");
    for (const typed of ["Eve", "O'Hara", "O&#x27;Hara", "Evil Corp", "pills", "spam.example"]) {
      expect(everything).not.toContain(typed);
    }
  });

  it("still thanks the sender when only the receipt fails, without promising one", async () => {
    failSends = (email) => email.to === inquiry.email;
    const delivered = await submitForm(inquirySubmission, form(inquiry), services);
    failSends = undefined;
    const withReceipt = await submitForm(
      inquirySubmission,
      form({ ...inquiry, message: `${inquiry.message}!` }),
      services,
    );
    expect(delivered.status).toBe("success");
    expect(delivered.message).not.toBe(withReceipt.message);
    expect(sent.filter((email) => email.to !== inquiry.email)).toHaveLength(2);
  });

  it("keeps every value when the coach's email cannot be sent", async () => {
    failSends = () => true;
    const state = await submitForm(inquirySubmission, form(inquiry), services);
    expect(state).toMatchObject({ status: "error", values: inquiry });
  });
});

describe("the newsletter signup", () => {
  it("sends one confirmation link to the address and answers the same as for a bot", async () => {
    const person = await submitForm(
      signupSubmission,
      form({ email: "grace@example.com", source: "newsletter-page" }),
      services,
    );
    const bot = await submitForm(
      signupSubmission,
      form({ email: "grace@example.com", [FILL_TIME_FIELD]: "10" }),
      services,
    );
    expect(person.status).toBe("success");
    expect(bot.message).toBe(person.message);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "grace@example.com" });
    expect(sent[0]!.html).toMatch(/\/newsletter\/confirm\?token=/);
  });
});
