// @vitest-environment node
// The newsletter confirmation as a queue (issue 22, items 6, 7, 8 and 14): caps per mailbox,
// an honest answer and no loss at the daily cap, one answer time for every address, and a
// retryable failure that keeps the link.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { newsletterSignups } from "@/lib/db/schema";
import { siteDatabase } from "@/lib/db/site";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import { capHitsSince } from "@/lib/forms/cap-hits";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { emailCaps, mailboxKey, type EmailCapLimits } from "@/lib/forms/email-caps";
import { recordCapHit } from "@/lib/forms/cap-hits";
import type { RateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { MailError, type Mailer, type OutgoingEmail } from "@/lib/mail/mailer";
import { confirmSubscription } from "@/lib/newsletter/double-opt-in";
import { signupSubmission } from "@/lib/newsletter/signup-submission";
import { inspectLink } from "@/lib/newsletter/store";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(backends.at(-1)!);
  vi.stubEnv("DATABASE_URL", database.url);
});
afterAll(() => database?.close());

type Behaviour = "deliver" | "refuse" | "unavailable";
let sent: OutgoingEmail[];
let attempts: OutgoingEmail[];
let behaviour: Behaviour;
let delayMs: number;
const mailer: Mailer = {
  async send(email) {
    attempts.push(email);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (behaviour === "refuse") throw new MailError("Resend 422 validation_error", false, 422);
    if (behaviour === "unavailable") throw new MailError("Resend 503 service_unavailable", true, 503);
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
let deferred: Promise<void>[] = [];
const settle = async () => {
  while (deferred.length > 0) await Promise.all(deferred.splice(0));
};
let today: string;
const capsWith = (limits: Partial<EmailCapLimits> = {}) =>
  emailCaps(
    (options) => databaseRateLimiter(siteDatabase, options),
    { confirmationsPerAddress: 2, receiptsPerAddress: 3, dailyTotal: 200, ...limits },
    { today: () => today, onRefused: async (cap, kind) => recordCapHit(await siteDatabase(), cap, kind) },
  );
const servicesWith = (limits: Partial<EmailCapLimits> = {}): FormServices => ({
  mailer,
  rateLimiter: allowAll,
  emailCaps: capsWith(limits),
  clientAddress: "203.0.113.9",
  defer: (work) => void deferred.push(work()),
});
const signupForm = (email: string) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ email, source: "newsletter-page", [FILL_TIME_FIELD]: "60000" }))
    data.set(key, value);
  return data;
};
const signUp = async (email: string, services: FormServices) => {
  const state = await submitForm(signupSubmission, signupForm(email), services);
  await settle();
  return state;
};
const tokenOf = (email: OutgoingEmail) =>
  /\/newsletter\/confirm\?token=([A-Za-z0-9_-]+)/.exec(email.text)![1]!;
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  await database.truncate();
  sent = [];
  attempts = [];
  behaviour = "deliver";
  delayMs = 0;
  deferred = [];
  today = "2026-12-04";
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("caps count mailboxes, not spellings", () => {
  it("folds plus-tags everywhere, and dots and googlemail.com for Gmail", () => {
    expect(mailboxKey("V+1@Gmail.com")).toBe("v@gmail.com");
    expect(mailboxKey("v.ictim@gmail.com")).toBe(mailboxKey("victim@googlemail.com"));
    expect(mailboxKey("grace+news@example.com")).toBe("grace@example.com");
    // Dots matter outside Gmail.
    expect(mailboxKey("g.race@example.com")).not.toBe(mailboxKey("grace@example.com"));
  });

  it("sends one inbox at most its 2 confirmations, whatever the spelling", async () => {
    const services = servicesWith();
    for (const spelling of [
      "victim+1@gmail.com",
      "v.ictim@gmail.com",
      "victim@googlemail.com",
      "VICTIM+x@gmail.com",
    ]) {
      expect((await signUp(spelling, services)).status).toBe("success");
    }
    expect(sent).toHaveLength(2);
  });
});

describe("the daily cap", () => {
  it("answers every signup honestly while it is used up, keeps them, and sends them when it resets", async () => {
    const services = servicesWith({ dailyTotal: 2 });
    const fresh = await signUp("a@example.com", services);
    await signUp("b@example.com", services);
    expect(sent).toHaveLength(2);
    await confirmSubscription(await siteDatabase(), mailer, tokenOf(sent[0]!));

    // Used up: a new address and a subscribed one get the same answer, unlike before.
    const waiting = await signUp("c@example.com", services);
    const subscribed = await signUp("a@example.com", services);
    expect(waiting.status).toBe("success");
    expect(waiting.message).not.toBe(fresh.message);
    expect(subscribed.message!.replace("a@example.com", "X")).toBe(
      waiting.message!.replace("c@example.com", "X"),
    );
    expect(sent).toHaveLength(2);

    const db = await siteDatabase();
    const kept = await db.select().from(newsletterSignups);
    expect(kept.filter((row) => row.confirmationStatus === "paused").map((row) => row.email)).toEqual([
      "c@example.com",
    ]);
    expect(await capHitsSince(db, today)).toContainEqual({ kind: "daily:newsletter-confirmation", hits: 1 });

    // The same day the worker leaves it; the next day it sends it, with a working link.
    const caps = capsWith({ dailyTotal: 2 });
    await runMaintenancePass(db, mailer, { caps });
    expect(sent).toHaveLength(2);
    today = "2026-12-05";
    const pass = await runMaintenancePass(db, mailer, { caps });
    expect(pass.tasks.confirmations).toMatchObject({ sent: 1 });
    expect(sent.map((email) => email.to)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    expect(await inspectLink(db, tokenOf(sent[2]!))).toEqual({ state: "pending", email: "c@example.com" });
  });
});

describe("the coach's digest", () => {
  it("counts the emails a cap stopped, without an address", async () => {
    const services = servicesWith({ dailyTotal: 1 });
    await signUp("first@example.com", services);
    await signUp("second@example.com", services);
    const digest = { from: "Site <website@example.com>", to: "coach@example.com", siteName: "Test Coaching" };
    await runMaintenancePass(await siteDatabase(), mailer, { digest });
    const sentToCoach = sent.find((email) => email.to === "coach@example.com");
    expect(sentToCoach?.text).toMatch(/cap/i);
    expect(sentToCoach?.text).not.toContain("second@example.com");
  });
});

describe("one answer time for every address", () => {
  it("answers a subscribed and a new address in the same time while Resend takes 300 ms", async () => {
    const services = servicesWith({ confirmationsPerAddress: 100 });
    await signUp("known@example.com", services);
    await confirmSubscription(await siteDatabase(), mailer, tokenOf(sent[0]!));
    delayMs = 300;

    const timeSignup = async (email: string) => {
      const started = performance.now();
      const state = await submitForm(signupSubmission, signupForm(email), services);
      const took = performance.now() - started;
      expect(state.status).toBe("success");
      await settle();
      return took;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const subscribed: number[] = [];
    const fresh: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      subscribed.push(await timeSignup("known@example.com"));
      fresh.push(await timeSignup(`new-${round}@example.com`));
    }
    expect(Math.abs(median(subscribed) - median(fresh))).toBeLessThan(100);
    // The emails still went, right after the answers.
    expect(sent.filter((email) => email.to.startsWith("new-"))).toHaveLength(5);
  });
});

describe("a failed confirmation", () => {
  it("keeps the link valid after a failure that may have been accepted, and sends the same email again", async () => {
    behaviour = "unavailable";
    const state = await signUp("kai@example.com", servicesWith());
    expect(state.status).toBe("success");
    expect(sent).toHaveLength(0);
    const first = attempts[0]!;
    const db = await siteDatabase();
    // Resend may have delivered it: the link in it works.
    expect(await inspectLink(db, tokenOf(first))).toEqual({ state: "pending", email: "kai@example.com" });
    const [row] = await db.select().from(newsletterSignups);
    expect(row).toMatchObject({ confirmationStatus: "retrying" });

    behaviour = "deliver";
    const later = new Date(Date.now() + HOUR);
    await runMaintenancePass(db, mailer, { caps: capsWith(), clock: () => later });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toBe(first.idempotencyKey);
    expect(sent[0]!.html).toBe(first.html);
    const [after] = await db.select().from(newsletterSignups);
    expect(after).toMatchObject({ confirmationStatus: "sent", confirmationEmail: null });
  });

  it("drops the signup and gives its count back when Resend refuses for certain", async () => {
    behaviour = "refuse";
    const services = servicesWith({ confirmationsPerAddress: 1 });
    await signUp("nope@example.com", services);
    const db = await siteDatabase();
    expect(await db.select().from(newsletterSignups)).toEqual([]);
    behaviour = "deliver";
    await signUp("nope@example.com", services);
    expect(sent).toHaveLength(1);
  });

  it("is sent by the worker when the request's own send was lost to a restart", async () => {
    const lost: FormServices = { ...servicesWith(), defer: () => {} };
    await submitForm(signupSubmission, signupForm("lost@example.com"), lost);
    const db = await siteDatabase();
    const soon = new Date(Date.now() + 10_000);
    await runMaintenancePass(db, mailer, { caps: capsWith(), clock: () => soon });
    expect(sent).toHaveLength(0);
    const later = new Date(Date.now() + 10 * 60_000);
    await runMaintenancePass(db, mailer, { caps: capsWith(), clock: () => later });
    expect(sent.map((email) => email.to)).toEqual(["lost@example.com"]);
    expect(await inspectLink(db, tokenOf(sent[0]!), later)).toEqual({
      state: "pending",
      email: "lost@example.com",
    });
  });
});
