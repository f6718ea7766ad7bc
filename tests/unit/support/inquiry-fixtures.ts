import { randomUUID } from "node:crypto";
import type { StoredEmail } from "@/lib/db/schema";
import type { OutgoingEmail } from "@/lib/mail/mailer";
import type { DeliveryMailer } from "@/lib/mail/send";
import type { NewInquiry } from "@/lib/inquiry/store";

/** An inquiry with unique words, its emails already rendered as the Server Action would store them. */
export function newInquiry(overrides: Partial<NewInquiry["payload"]> = {}, heldReason?: string): NewInquiry {
  const payload = {
    name: "Ada Lovelace",
    email: "ada@example.com",
    company: "Analytical Engines",
    role: "VP of Engineering",
    message: `I would like to talk about my first 90 days as CTO. (${randomUUID()})`,
    ...overrides,
  };
  const coachEmail: StoredEmail = {
    from: "Site <website@example.com>",
    to: "coach@example.com",
    replyTo: payload.email,
    subject: `Intro call inquiry from ${payload.name}`,
    html: `<p>${payload.message}</p>`,
    text: payload.message,
  };
  const receiptEmail: StoredEmail = {
    from: "Site <website@example.com>",
    to: payload.email,
    subject: "Thank you for your message",
    html: "<p>Thanks</p>",
    text: "Thanks",
  };
  return { payload, coachEmail, receiptEmail, heldReason };
}

type Behaviour = "deliver" | "fail" | "hang";

/**
 * Counts what reached the mail service by idempotency key, as Resend would see it. `behaviour`
 * can change between calls; `delayMs` makes every send slow (to overlap two workers).
 */
export function fakeMailer(options: { delayMs?: number } = {}) {
  const sends: OutgoingEmail[] = [];
  const attempts: OutgoingEmail[] = [];
  const state = { behaviour: "deliver" as Behaviour };
  const mailer: DeliveryMailer = {
    async send(email, { signal } = {}) {
      attempts.push(email);
      if (state.behaviour === "hang") {
        await new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (state.behaviour === "fail")
        throw Object.assign(new Error("Resend 503 service_unavailable"), { retryable: true });
      sends.push(email);
      return { id: `fake-${sends.length}` };
    },
  };
  const sentKeys = () => sends.map((email) => email.idempotencyKey);
  return { mailer, sends, attempts, state, sentKeys };
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
