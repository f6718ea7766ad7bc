// Contact sync does not give up for good: a contact Resend refuses (a wrong RESEND_SEGMENT_ID)
// is retried on the back-off schedule for 7 days, listed by `npm run subscribers` and in the
// coach's digest, and can be started again once the setting is fixed.
import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { type DatabaseConnection } from "@/lib/db/client";
import { subscribers } from "@/lib/db/schema";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { MailError, type NewsletterContact } from "@/lib/mail/mailer";
import { restartContactSync, syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { runCommand, servedDataDir } from "./support/commands";
import { at, fakeMailer, hours, minutes, newInquiry } from "./support/inquiry-fixtures";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";
import { storeInquiry } from "@/lib/inquiry/store";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const t0 = new Date("2026-11-26T09:00:00Z");
const digest = { from: "Site <website@example.com>", to: "coach@example.com", siteName: "Test Coaching" };

async function confirmedSubscriber(db: Db, email: string) {
  await db.insert(subscribers).values({
    email,
    status: "confirmed",
    createdAt: t0,
    updatedAt: t0,
    confirmedAt: t0,
    contactSync: "pending",
  });
}

const row = async (db: Db, email: string) =>
  (await db.select().from(subscribers).where(eq(subscribers.email, email)))[0]!;

/** Resend refusing every contact, as with a segment id that does not exist. */
function refusingResend() {
  const state = { refuse: true, calls: 0 };
  const contacts: NewsletterContact[] = [];
  return {
    state,
    contacts,
    mailer: {
      async subscribe(contact: NewsletterContact) {
        state.calls += 1;
        if (state.refuse) throw new MailError("Resend 404 not_found: Segment not found", false, 404);
        contacts.push(contact);
      },
    },
  };
}

describe.each(backends)("newsletter contact sync on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  });
  afterAll(() => database?.close(), 60_000);
  beforeEach(async () => {
    await database.truncate();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  it("retries a contact Resend refused on the back-off schedule for 7 days, then marks it failed", async () => {
    const resend = refusingResend();
    await confirmedSubscriber(db, "ada@example.com");

    await syncPendingContacts(db, resend.mailer, { now: t0 });
    expect(await row(db, "ada@example.com")).toMatchObject({
      contactSync: "retrying",
      contactSyncAttempts: 1,
      contactNextSyncAt: at(t0, minutes(1)),
      contactSyncFailingSince: t0,
      contactSyncError: expect.stringContaining("Segment not found"),
    });
    // Not due before its time; due after it, and the wait grows.
    expect(await syncPendingContacts(db, resend.mailer, { now: at(t0, 30_000) })).toEqual({
      synced: 0,
      failed: 0,
    });
    await syncPendingContacts(db, resend.mailer, { now: at(t0, minutes(1)) });
    expect(await row(db, "ada@example.com")).toMatchObject({
      contactSync: "retrying",
      contactSyncAttempts: 2,
      contactNextSyncAt: at(t0, minutes(6)),
      contactSyncFailingSince: t0,
    });

    const aWeekLater = at(t0, hours(7 * 24));
    await syncPendingContacts(db, resend.mailer, { now: aWeekLater });
    expect(await row(db, "ada@example.com")).toMatchObject({
      contactSync: "failed",
      contactNextSyncAt: null,
    });
    const calls = resend.state.calls;
    await syncPendingContacts(db, resend.mailer, { now: at(aWeekLater, hours(24)), ignoreBackoff: true });
    expect(resend.state.calls).toBe(calls);

    // The coach fixes RESEND_SEGMENT_ID and asks again (`npm run subscribers -- retry`).
    resend.state.refuse = false;
    await restartContactSync(db, "all", at(aWeekLater, hours(25)));
    await syncPendingContacts(db, resend.mailer, { now: at(aWeekLater, hours(25)) });
    expect(await row(db, "ada@example.com")).toMatchObject({
      contactSync: "synced",
      contactSyncError: null,
      contactSyncFailingSince: null,
    });
    expect(resend.contacts.map((contact) => contact.email)).toEqual(["ada@example.com"]);
  });

  it("lists contacts Resend refused in the coach's digest, beside the inquiries", async () => {
    const resend = refusingResend();
    const { mailer, sends } = fakeMailer();
    await confirmedSubscriber(db, "ada@example.com");
    await confirmedSubscriber(db, "grace@example.com");
    const held = await storeInquiry(db, newInquiry({}, "filled in 0.8 s"), { now: t0 });

    const pass = await runMaintenancePass(db, mailer, { clock: () => t0, contacts: resend.mailer, digest });
    expect(pass.tasks.contacts).toEqual({ synced: 0, failed: 2 });
    expect(pass.tasks.digest?.digest).toBe("sent");
    const email = sends.find((sent) => sent.idempotencyKey === "digest-2026-11-26")!;
    expect(email.subject).toBe("Test Coaching: 1 held inquiry, 2 newsletter contacts not in Resend");
    expect(email.text).toContain(`npm run inquiries -- release ${held.inquiry.id.slice(0, 8)}`);
    expect(email.text).toMatch(
      /ada@example\.com {2}\(1 attempt, failing since 2026-11-26: .*Segment not found/,
    );
    expect(email.text).toContain("grace@example.com");
    expect(email.text).toContain("npm run subscribers -- retry");
  });

  it("sends a digest for contacts alone, and none while every contact is in Resend", async () => {
    const { mailer, sends } = fakeMailer();
    await confirmedSubscriber(db, "ada@example.com");
    const working = refusingResend();
    working.state.refuse = false;
    const quiet = await runMaintenancePass(db, mailer, { clock: () => t0, contacts: working.mailer, digest });
    expect(quiet.tasks.digest?.digest).toBe("nothing-to-report");

    await confirmedSubscriber(db, "grace@example.com");
    const next = at(t0, hours(24));
    const pass = await runMaintenancePass(db, mailer, {
      clock: () => next,
      contacts: refusingResend().mailer,
      digest,
    });
    expect(pass.tasks.digest?.digest).toBe("sent");
    expect(sends.at(-1)!.subject).toBe("Test Coaching: 1 newsletter contact not in Resend");
  });
});

describe("npm run subscribers", () => {
  let dataDir: string;
  let connection: DatabaseConnection;

  const command = (...args: string[]) => runCommand(dataDir, "subscribers", args);

  let served: Awaited<ReturnType<typeof servedDataDir>>;
  beforeAll(async () => {
    served = await servedDataDir("subscribers-test-");
    ({ dataDir, connection } = served);
  });
  afterAll(() => served?.close(), 60_000);

  it("lists the contacts not in Resend with their error, and writes them on retry", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await confirmedSubscriber(connection.db, "ada@example.com");
    await confirmedSubscriber(connection.db, "linus@example.com");
    await syncPendingContacts(connection.db, refusingResend().mailer, { now: t0 });
    await connection.db
      .update(subscribers)
      .set({ contactSync: "synced", contactSyncError: null })
      .where(eq(subscribers.email, "linus@example.com"));

    const listed = await command();
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/confirmed:\s+2\n/);
    expect(listed.stdout).toMatch(/not in Resend:\s+1 \(0 pending, 1 retrying, 0 failed\)/);
    expect(listed.stdout).toMatch(
      /^ada@example\.com\s+retrying\s+1\s+2026-11-26 09:00 UTC\s+2026-11-26 09:01 UTC\s+MailError: Resend 404 not_found: Segment not found$/m,
    );

    const retried = await command("retry");
    expect(retried).toMatchObject({ code: 0, stdout: expect.stringMatching(/ada@example\.com\s+in Resend/) });
    const contacts = JSON.parse(await fs.readFile(path.join(dataDir, "outbox", "contacts.json"), "utf8"));
    expect(Object.keys(contacts)).toEqual(["ada@example.com"]);
    expect((await command()).stdout).toContain("Every confirmed subscriber is in Resend.");

    const help = await command("--help");
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: npm run subscribers") });
  });
});
