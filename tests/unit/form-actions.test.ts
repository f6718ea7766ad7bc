// @vitest-environment node
// The two signup forms' rules run through the real pipeline with a recording mailer: what each
// Server Action does, without a build or a server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import { emailCaps } from "@/lib/forms/email-caps";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { inquirySubmission } from "@/lib/inquiry/submission";
import { MailError, type Mailer, type OutgoingEmail } from "@/lib/mail/mailer";
import { outboxMailer } from "@/lib/mail/outbox-transport";
import { listRecentInquiries } from "@/lib/inquiry/store";
import { siteDatabase } from "@/lib/db/site";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// No booking page: the form must work exactly as without the feature (with one, see booking.test.tsx
// and the e2e suite, whose server has BOOKING_URL set).
vi.stubEnv("BOOKING_URL", "");

let sent: OutgoingEmail[] = [];
let failSends: ((email: OutgoingEmail) => boolean) | undefined;
const mailer: Mailer = {
  async send(email) {
    if (failSends?.(email)) throw new MailError("Resend 503", true, 503);
    sent.push(email);
    return { id: String(sent.length) };
  },
  subscribe: async () => {},
  removeContact: async () => {},
  findContact: async () => undefined,
};
const allowAll: RateLimiter = {
  consume: async () => ({ allowed: true }),
  refund: async () => {},
  used: async () => 0,
};
let services: FormServices;

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

// The inquiry is stored before it is sent: a fresh embedded store for this file, as `npm start`
// would hand the site through DATABASE_URL.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("pglite");
  vi.stubEnv("DATABASE_URL", database.url);
});
afterAll(() => database?.close());

beforeEach(async () => {
  await database.truncate();
  services = {
    mailer,
    rateLimiter: allowAll,
    emailCaps: emailCaps(memoryRateLimiter, {
      confirmationsPerAddress: 2,
      receiptsPerAddress: 3,
      dailyTotal: 200,
    }),
    clientAddress: "203.0.113.1",
    defer: (work) => void work(),
  };
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

  it("without a booking page, offers no booking link and sends a receipt without links", async () => {
    const state = await submitForm(inquirySubmission, form(inquiry), services);
    expect(state.status).toBe("success");
    expect(state.next).toBeUndefined();
    const receipt = sent.find((email) => email.to === inquiry.email);
    expect(receipt!.html).not.toMatch(/<a\b/);
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

  it("says the message is saved when the coach's email cannot be sent, and keeps it for the worker", async () => {
    failSends = () => true;
    const state = await submitForm(inquirySubmission, form(inquiry), services);
    expect(state).toMatchObject({ status: "success" });
    expect(state.message).toMatch(/Your message is saved and will reach .+ shortly/);
    const [stored] = await listRecentInquiries(await siteDatabase());
    expect(stored).toMatchObject({ status: "retrying", payload: { message: inquiry.message } });
  });

  it("answers a repeat within 24 hours with the first one's answer, sending nothing more", async () => {
    const first = await submitForm(inquirySubmission, form(inquiry), services);
    const again = await submitForm(inquirySubmission, form(inquiry), services);
    expect(again.message).toBe(first.message);
    expect(sent.filter((email) => email.to !== inquiry.email)).toHaveLength(1);
  });

  it("sends at most 3 receipts to one address in 24 hours, however it is spelled; the coach gets every inquiry", async () => {
    const spellings = [
      "eve@example.com",
      "EVE@example.com",
      " Eve@Example.COM",
      "eve@EXAMPLE.com",
      "eve@example.com",
    ];
    for (const [index, email] of spellings.entries()) {
      const state = await submitForm(
        inquirySubmission,
        form({ ...inquiry, email, message: `${inquiry.message} (${index})` }),
        services,
      );
      expect(state.status).toBe("success");
    }
    const category = (value: string) =>
      sent.filter((email) => email.tags?.some((tag) => tag.value === value));
    expect(category("inquiry-receipt")).toHaveLength(3);
    expect(category("inquiry")).toHaveLength(5);
    const stored = await listRecentInquiries(await siteDatabase());
    expect(stored.filter((row) => row.receiptStatus === "skipped")).toHaveLength(2);
  });

  it("stores a too-fast submission as held, emails nothing, and drops a filled honeypot", async () => {
    const fast = await submitForm(inquirySubmission, form({ ...inquiry, [FILL_TIME_FIELD]: "10" }), services);
    const honeypot = await submitForm(
      inquirySubmission,
      form({ ...inquiry, message: `${inquiry.message} (again)`, homepage: "https://spam.example" }),
      services,
    );
    expect(fast.status).toBe("success");
    expect(honeypot.status).toBe("success");
    expect(sent).toEqual([]);
    const stored = await listRecentInquiries(await siteDatabase());
    expect(stored.map((row) => [row.status, row.heldReason])).toEqual([["held", "too-fast"]]);
  });

  it("an outbox that cannot be written (ENOTDIR): the inquiry is stored and the person told it is saved", async () => {
    const blocker = path.join(os.tmpdir(), `outbox-blocker-${process.pid}-${Date.now()}`);
    fs.writeFileSync(blocker, "a regular file, so a folder under it fails with ENOTDIR");
    try {
      const outbox = outboxMailer(path.join(blocker, "outbox"));
      const state = await submitForm(inquirySubmission, form(inquiry), { ...services, mailer: outbox });
      expect(state.message).toMatch(/Your message is saved/);
      const [stored] = await listRecentInquiries(await siteDatabase());
      expect(stored).toMatchObject({ status: "retrying", lastError: expect.stringContaining("ENOTDIR") });
    } finally {
      fs.rmSync(blocker, { force: true });
    }
  });
});
