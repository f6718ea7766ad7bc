// @vitest-environment node
// The double opt-in on the database, through the real form pipeline and store: what a person,
// a stranger's attacker and Resend's webhook can and cannot do.
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { consents, newsletterSignups, subscribers } from "@/lib/db/schema";
import { siteDatabase } from "@/lib/db/site";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { emailCaps, type EmailCapLimits } from "@/lib/forms/email-caps";
import type { RateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { MailError, type Mailer, type NewsletterContact, type OutgoingEmail } from "@/lib/mail/mailer";
import { verifyResendWebhook } from "@/lib/mail/resend-webhook";
import { syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { confirmSubscription } from "@/lib/newsletter/double-opt-in";
import { applyResendEvent } from "@/lib/newsletter/resend-events";
import { signupSubmission } from "@/lib/newsletter/signup-submission";
import { deleteOldSignups, inspectLink } from "@/lib/newsletter/store";
import { erasePersonalData, exportPersonalData } from "@/lib/privacy/personal-data";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });
let database: TestDatabase;
beforeAll(async () => {
  // A Postgres server where there is one (CI): the end-to-end suite runs the same flow on the
  // embedded store, so both are covered.
  database = await createTestDatabase(backends.at(-1)!);
  vi.stubEnv("DATABASE_URL", database.url);
});
afterAll(() => database?.close());

let sent: OutgoingEmail[];
let contacts: NewsletterContact[];
let resendDown: boolean;
const mailer: Mailer = {
  async send(email) {
    sent.push(email);
    return { id: String(sent.length) };
  },
  async subscribe(contact) {
    if (resendDown) throw new MailError("Resend 503", true, 503);
    contacts.push(contact);
  },
  removeContact: async () => {},
  findContact: async () => undefined,
};
const allowAll: RateLimiter = {
  consume: async () => ({ allowed: true }),
  refund: async () => {},
  used: async () => 0,
};
// What the site runs after the answer (Next's after()), collected so a test can wait for it.
let deferred: Promise<void>[] = [];
const settle = async () => {
  while (deferred.length > 0) await Promise.all(deferred.splice(0));
};
const defaults: EmailCapLimits = { confirmationsPerAddress: 2, receiptsPerAddress: 3, dailyTotal: 200 };
const servicesWith = (limits: Partial<EmailCapLimits> = {}): FormServices => ({
  mailer,
  rateLimiter: allowAll,
  // Counted in the database, as on the site.
  emailCaps: emailCaps((options) => databaseRateLimiter(siteDatabase, options), { ...defaults, ...limits }),
  clientAddress: "203.0.113.1",
  defer: (work) => void deferred.push(work()),
});
/** A signup through the form's pipeline, and what it sends right after answering. */
const submitSignup = async (form: FormData, services: FormServices) => {
  const state = await submitForm(signupSubmission, form, services);
  await settle();
  return state;
};

const signupForm = (email: string, firstName = "", source = "newsletter-page") => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ email, firstName, source, [FILL_TIME_FIELD]: "60000" }))
    data.set(key, value);
  return data;
};
const tokenOf = (email: OutgoingEmail) =>
  /\/newsletter\/confirm\?token=([A-Za-z0-9_-]+)/.exec(email.text)![1]!;
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  await database.truncate();
  sent = [];
  contacts = [];
  resendDown = false;
  deferred = [];
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("signing up", () => {
  it("stores a pending signup and sends a link that carries only an opaque token, of which only a hash is kept", async () => {
    const state = await submitSignup(signupForm("grace@example.com", "Grace"), servicesWith());
    expect(state.status).toBe("success");
    expect(sent).toHaveLength(1);
    const token = tokenOf(sent[0]!);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const decoded = Buffer.from(token, "base64url").toString("latin1");
    expect(decoded).not.toMatch(/grace|example/i);
    const db = await siteDatabase();
    const rows = await db.select().from(newsletterSignups);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await db.select().from(subscribers)).toEqual([]);
  });

  it("sends at most 2 confirmations to one address in 24 hours, whatever the name, form or network", async () => {
    const answers = new Set<string>();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const services = { ...servicesWith(), clientAddress: `198.51.100.${attempt}` };
      const state = await submitSignup(
        signupForm("victim@example.com", `Name ${attempt}`, attempt % 2 ? "site-band" : "newsletter-page"),
        services,
      );
      expect(state.status).toBe("success");
      answers.add(state.message!);
    }
    expect(sent).toHaveLength(2);
    expect(answers.size).toBe(1);
  });

  it("treats addresses that differ only in case and spaces as one subscriber, and both signups succeed", async () => {
    const services = servicesWith();
    const first = await submitSignup(signupForm("Grace@Example.com"), services);
    const second = await submitSignup(signupForm(" grace@example.com "), services);
    expect([first.status, second.status]).toEqual(["success", "success"]);
    await confirmSubscription(await siteDatabase(), mailer, tokenOf(sent[0]!));
    await confirmSubscription(await siteDatabase(), mailer, tokenOf(sent[1]!));
    const rows = await (await siteDatabase()).select().from(subscribers);
    expect(rows.map((row) => row.email)).toEqual(["grace@example.com"]);
  });

  it("sends nothing for an address that is already subscribed, with the same answer", async () => {
    const services = servicesWith();
    const fresh = await submitSignup(signupForm("ada@example.com"), services);
    await confirmSubscription(await siteDatabase(), mailer, tokenOf(sent[0]!));
    const again = await submitSignup(signupForm("ada@example.com"), services);
    expect(again.message).toBe(fresh.message);
    expect(sent).toHaveLength(1);
  });

  it("stops all confirmation emails at the daily cap, loudly, with the same answer", async () => {
    const services = servicesWith({ dailyTotal: 3 });
    for (const name of ["a", "b", "c", "d", "e"]) {
      const state = await submitSignup(signupForm(`${name}@example.com`), services);
      expect(state.status).toBe("success");
    }
    expect(sent).toHaveLength(3);
    expect(vi.mocked(console.error).mock.calls.flat().join(" ")).toMatch(/DAILY CAP REACHED/);
  });
});

describe("the confirmation link", () => {
  it("changes nothing when opened, confirms with the button, and then only says subscribed", async () => {
    await submitSignup(signupForm("lin@example.com", "Lin", "site-band"), servicesWith());
    const token = tokenOf(sent[0]!);
    const db = await siteDatabase();

    expect(await inspectLink(db, token)).toEqual({ state: "pending", email: "lin@example.com" });
    expect(await inspectLink(db, token)).toEqual({ state: "pending", email: "lin@example.com" });
    expect(await db.select().from(subscribers)).toEqual([]);

    expect(await confirmSubscription(db, mailer, token)).toEqual({
      state: "subscribed",
      email: "lin@example.com",
    });
    const [consent] = await db.select().from(consents);
    expect(consent).toMatchObject({ email: "lin@example.com", form: "site-band", method: "double-opt-in" });
    expect(consent!.policyVersion).toBeTruthy();
    expect(contacts).toEqual([expect.objectContaining({ email: "lin@example.com", firstName: "Lin" })]);

    // A second press, or a second visit: subscribed, and the consent record is left as it was.
    expect(await confirmSubscription(db, mailer, token)).toEqual({
      state: "subscribed",
      email: "lin@example.com",
    });
    expect(await inspectLink(db, token)).toEqual({ state: "subscribed", email: "lin@example.com" });
    expect(await db.select().from(consents)).toEqual([consent]);
  });

  it("expires after 48 hours; an unknown token is unknown", async () => {
    await submitSignup(signupForm("late@example.com"), servicesWith());
    const db = await siteDatabase();
    const token = tokenOf(sent[0]!);
    expect((await inspectLink(db, token, new Date(Date.now() + 47 * HOUR))).state).toBe("pending");
    expect((await inspectLink(db, token, new Date(Date.now() + 49 * HOUR))).state).toBe("expired");
    expect((await confirmSubscription(db, mailer, token, new Date(Date.now() + 49 * HOUR))).state).toBe(
      "expired",
    );
    expect((await inspectLink(db, `${token}x`)).state).toBe("unknown");
  });

  it("subscribes the person even when Resend is down, and the worker writes the contact later", async () => {
    await submitSignup(signupForm("kim@example.com"), servicesWith());
    resendDown = true;
    const db = await siteDatabase();
    expect((await confirmSubscription(db, mailer, tokenOf(sent[0]!))).state).toBe("subscribed");
    const [pending] = await db.select().from(subscribers);
    expect(pending).toMatchObject({ status: "confirmed", contactSync: "retrying" });

    resendDown = false;
    expect(await syncPendingContacts(db, mailer, { now: new Date(Date.now() + 2 * HOUR) })).toEqual({
      synced: 1,
      failed: 0,
    });
    expect(contacts.map((contact) => contact.email)).toEqual(["kim@example.com"]);
    expect(contacts[0]!.properties).toMatchObject({ consent_method: "double-opt-in" });
  });
});

describe("leaving the list (Resend's webhook)", () => {
  const unsubscribed = (email: string, at = new Date()) => ({
    type: "contact.updated",
    created_at: at.toISOString(),
    data: { email, unsubscribed: true },
  });

  it("makes an unsubscribe stick: a link from before it cannot re-subscribe, a fresh signup can", async () => {
    const services = servicesWith();
    await submitSignup(signupForm("sam@example.com"), services);
    await submitSignup(signupForm("sam@example.com"), services);
    const [first, second] = sent.map(tokenOf);
    const db = await siteDatabase();
    await confirmSubscription(db, mailer, first!);

    expect(await applyResendEvent(db, unsubscribed("Sam@example.com"))).toBe(1);
    expect(await inspectLink(db, first!)).toEqual({ state: "superseded" });
    expect((await confirmSubscription(db, mailer, second!)).state).toBe("superseded");
    const [left] = await db.select().from(subscribers);
    expect(left).toMatchObject({ status: "unsubscribed", leaveReason: "unsubscribed" });

    // A day later the person signs up again (the per-address cap has a new day too).
    await database.truncateCounters();
    await submitSignup(signupForm("sam@example.com"), servicesWith());
    expect((await confirmSubscription(db, mailer, tokenOf(sent[2]!))).state).toBe("subscribed");
    expect((await db.select().from(subscribers))[0]).toMatchObject({
      status: "confirmed",
      leaveReason: null,
    });
    expect(await db.select().from(consents)).toHaveLength(2);

    // An old unsubscribe delivered again late does not undo the new subscription.
    expect(await applyResendEvent(db, unsubscribed("sam@example.com", new Date(Date.now() - HOUR)))).toBe(0);
  });

  it("records permanent bounces and complaints, ignores temporary bounces and other events", async () => {
    await submitSignup(signupForm("gone@example.com"), servicesWith());
    await submitSignup(signupForm("full@example.com"), servicesWith());
    const db = await siteDatabase();
    const at = new Date().toISOString();
    const bounce = (to: string, type: string) => ({
      type: "email.bounced",
      created_at: at,
      data: { to: [to], bounce: { type } },
    });
    expect(await applyResendEvent(db, bounce("full@example.com", "Transient"))).toBe(0);
    expect(await applyResendEvent(db, bounce("gone@example.com", "Permanent"))).toBe(1);
    expect(
      await applyResendEvent(db, {
        type: "email.delivered",
        created_at: at,
        data: { to: ["x@example.com"] },
      }),
    ).toBe(0);
    // An address the site never stored is not written down.
    expect(await applyResendEvent(db, bounce("stranger@example.com", "Permanent"))).toBe(0);
    const rows = await db.select().from(subscribers);
    expect(rows.map((row) => [row.email, row.leaveReason])).toEqual([["gone@example.com", "bounced"]]);
  });

  it("accepts only calls signed with the webhook secret", () => {
    const secret = `whsec_${Buffer.from("a-test-secret-of-enough-length!!").toString("base64")}`;
    const body = JSON.stringify(unsubscribed("sam@example.com"));
    const id = "msg_1";
    const now = new Date();
    const signature = new Webhook(secret).sign(id, now, body);
    const headers = (sig: string) =>
      new Headers({
        "svix-id": id,
        "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
        "svix-signature": sig,
      });
    expect(verifyResendWebhook(body, headers(signature), secret)?.type).toBe("contact.updated");
    expect(verifyResendWebhook(body.replace("true", "false"), headers(signature), secret)).toBeUndefined();
    expect(verifyResendWebhook(body, headers("v1,bm90IGEgc2lnbmF0dXJl"), secret)).toBeUndefined();
    expect(verifyResendWebhook(body, new Headers(), secret)).toBeUndefined();
  });
});

describe("privacy", () => {
  it("deletes signups after 7 days, keeping the consent record of a confirmed one", async () => {
    await submitSignup(signupForm("old@example.com"), servicesWith());
    await submitSignup(signupForm("kept@example.com"), servicesWith());
    const db = await siteDatabase();
    await confirmSubscription(db, mailer, tokenOf(sent[1]!));
    expect(await deleteOldSignups(db, new Date(Date.now() + 6 * 24 * HOUR))).toBe(0);
    expect(await deleteOldSignups(db, new Date(Date.now() + 8 * 24 * HOUR))).toBe(2);
    expect(await db.select().from(consents)).toHaveLength(1);
  });

  it("exports and erases everything stored about an address", async () => {
    await submitSignup(signupForm("Erin@Example.com", "Erin"), servicesWith());
    const db = await siteDatabase();
    await confirmSubscription(db, mailer, tokenOf(sent[0]!));
    const exported = await exportPersonalData(db, "erin@example.com");
    expect(exported.newsletter.subscriber).toMatchObject({ status: "confirmed", firstName: "Erin" });
    expect(exported.newsletter.consents).toHaveLength(1);
    expect(exported.newsletter.signups).toHaveLength(1);

    const erased = await erasePersonalData(db, "ERIN@example.com");
    expect(erased).toMatchObject({ signups: 1, subscribers: 1, consents: 1 });
    expect(erased.counters).toBeGreaterThan(0);
    const after = await exportPersonalData(db, "erin@example.com");
    expect(after.newsletter).toEqual({ signups: [], consents: [] });
    expect(
      await db.select().from(newsletterSignups).where(eq(newsletterSignups.email, "erin@example.com")),
    ).toEqual([]);
  });
});
