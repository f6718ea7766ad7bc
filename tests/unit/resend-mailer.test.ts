// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MailError } from "@/lib/mail/mailer";
import { resendMailer } from "@/lib/mail/resend-transport";
// @ts-expect-error: a plain .mjs test fixture without type declarations
import { createFakeResend } from "../fixtures/fake-resend-server.mjs";

type Fake = {
  listen(port: number): Promise<{ port: number }>;
  close(): Promise<void>;
  reset(): void;
  state: {
    emails: { idempotencyKey?: string; subject: string }[];
    contacts: Map<
      string,
      {
        segments: string[];
        properties: Record<string, string>;
        unsubscribed: boolean;
      }
    >;
    requests: { path: string; status: number }[];
    failures: unknown[];
  };
};

const fake: Fake = createFakeResend();
let baseUrl = "";
const fastRetry = {
  retries: 3,
  minTimeout: 5,
  maxTimeout: 20,
  maxRetryTime: 2000,
};
const email = {
  from: "Site <site@example.com>",
  to: "coach@example.com",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
  idempotencyKey: "key-1",
};

const fail = (spec: Record<string, unknown>) => fake.state.failures.push({ status: 500, times: 1, ...spec });
const mailer = () =>
  resendMailer({
    apiKey: "re_unit",
    segmentId: "seg_1",
    baseUrl,
    retry: fastRetry,
  });

beforeAll(async () => {
  const address = await fake.listen(0);
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("the Resend mailer", () => {
  it("sends with the idempotency key, and a repeat of the same email is delivered once", async () => {
    const first = await mailer().send(email);
    const second = await mailer().send(email);
    expect(second.id).toBe(first.id);
    expect(fake.state.emails).toHaveLength(1);
    expect(fake.state.emails[0]!.idempotencyKey).toBe("key-1");
  });

  it("retries 429, 5xx and dropped connections, then delivers once", async () => {
    fail({ status: 429 });
    fail({ status: 503 });
    fail({ networkError: true });
    await mailer().send(email);
    expect(fake.state.requests.map((request) => request.status)).toEqual([429, 503, 0, 200]);
    expect(fake.state.emails).toHaveLength(1);
  });

  it("gives up after its retry budget with a retryable MailError", async () => {
    fail({ status: 500, times: 10 });
    const error = await mailer()
      .send(email)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).retryable).toBe(true);
    expect(fake.state.requests).toHaveLength(4);
    expect(fake.state.emails).toHaveLength(0);
  });

  it("retries a 409 for a concurrent request with the same key, not one for a changed payload", async () => {
    fail({ status: 409, name: "concurrent_idempotent_requests" });
    await mailer().send(email);
    expect(fake.state.requests.map((request) => request.status)).toEqual([409, 200]);
    const changed = await mailer()
      .send({ ...email, text: "Something else" })
      .catch((caught: unknown) => caught);
    expect(changed).toMatchObject({ retryable: false, statusCode: 409 });
    expect(fake.state.emails).toHaveLength(1);
  });

  it("gives up a call that never answers after its timeout, and stops at the caller's deadline", async () => {
    fail({ hang: true, times: 10 });
    const started = Date.now();
    const error = await resendMailer({
      apiKey: "re_unit",
      segmentId: "seg_1",
      baseUrl,
      retry: { ...fastRetry, callTimeoutMs: 200 },
    })
      .send(email, { signal: AbortSignal.timeout(700) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    // Several attempts (each cut off at 200 ms) before the 700 ms deadline stopped them.
    expect(fake.state.requests.length).toBeGreaterThan(1);
  });

  it("does not retry a request Resend rejects as invalid", async () => {
    const error = await mailer()
      .send({ ...email, subject: "" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, statusCode: 422 });
    expect(fake.state.requests).toHaveLength(1);
  });

  it("subscribes a new contact into the segment with its consent properties", async () => {
    await mailer().subscribe({
      email: "grace@example.com",
      firstName: "Grace",
      properties: { consent_source: "site-band" },
    });
    const contact = fake.state.contacts.get("grace@example.com")!;
    expect(contact).toMatchObject({
      segments: ["seg_1"],
      properties: { consent_source: "site-band" },
      unsubscribed: false,
    });
  });

  it("treats an existing contact as success: refreshes consent, re-subscribes, joins the segment", async () => {
    await mailer().subscribe({
      email: "grace@example.com",
      properties: { consent_source: "site-band" },
    });
    const contact = fake.state.contacts.get("grace@example.com")!;
    contact.unsubscribed = true;
    contact.segments = [];
    await mailer().subscribe({
      email: "grace@example.com",
      properties: { consent_source: "newsletter-page" },
    });
    expect(fake.state.contacts.get("grace@example.com")).toMatchObject({
      unsubscribed: false,
      segments: ["seg_1"],
      properties: { consent_source: "newsletter-page" },
    });
  });

  it("leaves an unsubscribed contact unsubscribed for an imported list, and says what Resend knows", async () => {
    await mailer().subscribe({ email: "ada@example.com", properties: {} });
    fake.state.contacts.get("ada@example.com")!.unsubscribed = true;
    expect(await mailer().findContact("ada@example.com")).toEqual({
      email: "ada@example.com",
      unsubscribed: true,
    });
    expect(await mailer().findContact("nobody@example.com")).toBeUndefined();
    await mailer().subscribe({
      email: "ada@example.com",
      properties: { consent_method: "import" },
      resubscribe: false,
    });
    expect(fake.state.contacts.get("ada@example.com")).toMatchObject({
      unsubscribed: true,
      properties: { consent_method: "import" },
    });
  });

  it("cuts every contacts call at its timeout: create, update, segment, lookup and removal", async () => {
    const slow = resendMailer({
      apiKey: "re_unit",
      segmentId: "seg_1",
      baseUrl,
      retry: { retries: 1, minTimeout: 5, maxTimeout: 20, maxRetryTime: 1_000, callTimeoutMs: 200 },
    });
    await slow.subscribe({ email: "grace@example.com", properties: {} });
    const hangs = async (path: string, method: string, work: () => Promise<unknown>) => {
      fake.state.failures.length = 0;
      fail({ path, method, hang: true, times: 10 });
      const started = Date.now();
      const error = await work().catch((caught: unknown) => caught);
      expect(error, `${method} ${path}`).toBeInstanceOf(MailError);
      expect((error as MailError).retryable).toBe(true);
      expect(Date.now() - started, `${method} ${path}`).toBeLessThan(2_000);
    };
    const again = () => slow.subscribe({ email: "grace@example.com", properties: {} });
    await hangs("/contacts", "POST", again);
    await hangs("/contacts/grace@example.com", "PATCH", again);
    await hangs("/contacts/grace@example.com/segments", "POST", again);
    await hangs("/contacts/grace@example.com", "GET", () => slow.findContact("grace@example.com"));
    await hangs("/contacts/grace@example.com", "DELETE", () => slow.removeContact("grace@example.com"));
  }, 30_000);
});
