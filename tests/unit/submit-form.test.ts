// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FILL_TIME_FIELD, HONEYPOT_FIELD } from "@/lib/forms/bot-signals";
import type { RateLimiter } from "@/lib/forms/rate-limit";
import {
  fromSchema,
  ServiceUnavailableError,
  submitForm,
  type FormServices,
  type FormSubmission,
} from "@/lib/forms/submit-form";
import * as z from "@/lib/forms/zod";
import { MailError, type Mailer, type OutgoingEmail } from "@/lib/mail/mailer";

const schema = z.object({ email: z.email("Not an address.") });
type Field = "email";

const act = vi.fn(async (data: { email: string }) => `Done for ${data.email}.`);
const submission: FormSubmission<Field, { email: string }> = {
  name: "test-form",
  fields: ["email"],
  botAnswer: (values) => `Done for ${values.email}.`,
  parse: (values) => fromSchema(schema.safeParse(values)),
  invalidMessage: () => "Please fix the field.",
  rateLimitedMessage: (wait) => `Try again in ${wait}.`,
  act: (data) => act(data),
  failedMessage: () => "The mail service failed.",
};

const sent: OutgoingEmail[] = [];
const mailer: Mailer = {
  send: async (email) => (sent.push(email), { id: "1" }),
  subscribe: async () => {},
  removeContact: async () => {},
  findContact: async () => undefined,
};
const keys: string[] = [];
const refunded: string[] = [];
const allowAll: RateLimiter = {
  consume: async (key) => (keys.push(key), { allowed: true }),
  refund: async (key) => void refunded.push(key),
  used: async () => 0,
};
const services = (overrides: Partial<FormServices> = {}): FormServices => ({
  mailer,
  rateLimiter: allowAll,
  emailCaps: {
    take: async () => ({ allowed: true }),
    giveBack: async () => {},
    dailyCapReached: async () => false,
  },
  clientAddress: "203.0.113.7",
  defer: (work) => void work(),
  ...overrides,
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  act.mockClear();
  keys.length = 0;
  refunded.length = 0;
  sent.length = 0;
});

describe("submitForm", () => {
  it("acts on valid input, counts the attempt per form and address, and answers with success", async () => {
    const state = await submitForm(submission, form({ email: "ada@example.com" }), services());
    expect(state).toMatchObject({ status: "success", message: "Done for ada@example.com." });
    expect(state.values).toBeUndefined();
    expect(act).toHaveBeenCalledWith({ email: "ada@example.com" });
    expect(keys).toEqual(["test-form:203.0.113.7"]);
  });

  it("passes a next step (a link) through with the success message", async () => {
    const next = { href: "https://booking.example/intro?email=ada%40example.com", label: "Book now" };
    const state = await submitForm(
      { ...submission, act: async () => ({ message: "Done.", next }) },
      form({ email: "ada@example.com" }),
      services(),
    );
    expect(state).toMatchObject({ status: "success", message: "Done.", next });
  });

  it("answers a bot like a person and does nothing, before parsing or counting", async () => {
    const bots: Record<string, string>[] = [
      { [HONEYPOT_FIELD]: "https://spam.example" },
      { [FILL_TIME_FIELD]: "200" },
    ];
    for (const bot of bots) {
      const state = await submitForm(submission, form({ email: "bot@", ...bot }), services());
      expect(state).toMatchObject({ status: "success", message: "Done for bot@." });
    }
    expect(act).not.toHaveBeenCalled();
    expect(keys).toEqual([]);
  });

  it("returns field errors and every value typed, without acting or counting", async () => {
    const state = await submitForm(submission, form({ email: "nope" }), services());
    expect(state).toMatchObject({
      status: "invalid",
      message: "Please fix the field.",
      fieldErrors: { email: ["Not an address."] },
      values: { email: "nope" },
    });
    expect(state.answeredAt).toEqual(expect.any(Number));
    expect(act).not.toHaveBeenCalled();
    expect(keys).toEqual([]);
  });

  it("prefers the message a parser gives over the form's general one", async () => {
    const state = await submitForm(
      { ...submission, parse: () => ({ success: false, message: "This link has expired." }) },
      form({}),
      services(),
    );
    expect(state).toMatchObject({ status: "invalid", message: "This link has expired." });
  });

  it("refuses when the limiter does, with the wait in words, keeping the values", async () => {
    const refuse: RateLimiter = {
      consume: async () => ({ allowed: false, retryAfterSeconds: 90 }),
      refund: async () => {},
      used: async () => 0,
    };
    const state = await submitForm(
      submission,
      form({ email: "ada@example.com" }),
      services({ rateLimiter: refuse }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: "Try again in 2 minutes.",
      values: { email: "ada@example.com" },
    });
    expect(act).not.toHaveBeenCalled();
  });

  it("turns a MailError into an error answer that keeps the values, and refunds the attempt", async () => {
    act.mockRejectedValueOnce(new MailError("Resend 500", true, 500));
    const state = await submitForm(submission, form({ email: "ada@example.com" }), services());
    expect(state).toMatchObject({
      status: "error",
      message: "The mail service failed.",
      values: { email: "ada@example.com" },
    });
    expect(refunded).toEqual(keys);
  });

  it("treats a missing service (the database) like a mail failure", async () => {
    act.mockRejectedValueOnce(new ServiceUnavailableError("no database"));
    const state = await submitForm(submission, form({ email: "ada@example.com" }), services());
    expect(state).toMatchObject({ status: "error", values: { email: "ada@example.com" } });
    expect(refunded).toHaveLength(1);
  });

  it("lets an unexpected error through, so it is not mistaken for a mail failure", async () => {
    act.mockRejectedValueOnce(new TypeError("bug"));
    await expect(submitForm(submission, form({ email: "ada@example.com" }), services())).rejects.toThrow(
      "bug",
    );
  });

  it("skips the bot check and the rate limit for a form that declares neither", async () => {
    const plain = { ...submission, botAnswer: undefined, rateLimitedMessage: undefined };
    const state = await submitForm(
      plain,
      form({ email: "ada@example.com", [HONEYPOT_FIELD]: "x" }),
      services(),
    );
    expect(state.status).toBe("success");
    expect(act).toHaveBeenCalled();
    expect(keys).toEqual([]);
  });
});
