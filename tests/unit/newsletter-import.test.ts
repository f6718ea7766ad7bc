import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { consents, subscribers } from "@/lib/db/schema";
import { MailError, type ContactStatus, type NewsletterContact } from "@/lib/mail/mailer";
import { syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { ImportFileError, importSubscribers, parseSubscriberCsv } from "@/lib/newsletter/import-list";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";
import { thrownMessage } from "./support/thrown-message";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

const now = new Date("2026-11-26T09:00:00Z");
const csv = [
  "Email,First name,Subscribed at,Source",
  "ada@example.com,Ada,2025-03-01,Conference signup sheet",
  ' Grace@Example.com ,Grace,2025-04-02T10:00:00Z,"Old form, footer"',
  "no-evidence@example.com,Nobody,,",
  "no-source@example.com,Nobody,2025-01-01,",
  "not-an-address,X,2025-01-01,Form",
  "odd-date@example.com,Odd,01/02/2025,Form",
  "future@example.com,Soon,2027-01-01,Form",
  "",
  "linus@example.com,,2024-12-24,Import from the previous provider",
].join("\n");

describe("reading the list", () => {
  it("keeps rows with an address and consent evidence, normalising the address", () => {
    const { rows } = parseSubscriberCsv(csv, now);
    expect(rows.map(({ line, email, firstName, source }) => ({ line, email, firstName, source }))).toEqual([
      { line: 2, email: "ada@example.com", firstName: "Ada", source: "Conference signup sheet" },
      { line: 3, email: "grace@example.com", firstName: "Grace", source: "Old form, footer" },
      {
        line: 10,
        email: "linus@example.com",
        firstName: undefined,
        source: "Import from the previous provider",
      },
    ]);
    expect(rows[1]!.subscribedAt).toEqual(new Date("2025-04-02T10:00:00Z"));
  });

  it("reports every other row with its line number and why", () => {
    const { problems } = parseSubscriberCsv(csv, now);
    expect(problems.map((problem) => problem.line)).toEqual([4, 5, 6, 7, 8]);
    expect(problems[0]!.reason).toMatch(/consent evidence/);
    expect(problems[1]!.reason).toMatch(/consent evidence/);
  });

  it("refuses a file whose header has no column for the evidence", () => {
    const message = thrownMessage(
      () => parseSubscriberCsv("email,first name\na@example.com,A\n", now),
      ImportFileError,
    );
    expect(message).toMatch(/when/);
    expect(message).toMatch(/where/);
  });
});

describe.each(backends)("importing the list on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;
  const contacts: NewsletterContact[] = [];
  const mailer = {
    async subscribe(contact: NewsletterContact) {
      contacts.push(contact);
    },
  };
  // What Resend knows: nobody, unless a test says so.
  let resendKnows: Record<string, ContactStatus | Error> = {};
  const resend = {
    async findContact(email: string) {
      const known = resendKnows[email];
      if (known instanceof Error) throw known;
      return known;
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);
  beforeEach(async () => {
    contacts.length = 0;
    resendKnows = {};
    await database.connect().pool.query("truncate subscribers, consents");
  });

  it("adds confirmed subscribers with their evidence, to be synced to the segment", async () => {
    const { rows } = parseSubscriberCsv(csv, now);
    const outcome = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(outcome.imported).toHaveLength(3);

    const [grace] = await db.select().from(subscribers).where(eq(subscribers.email, "grace@example.com"));
    expect(grace).toMatchObject({
      status: "confirmed",
      confirmedAt: new Date("2025-04-02T10:00:00Z"),
      contactSync: "pending",
      firstName: "Grace",
    });
    const [consent] = await db.select().from(consents).where(eq(consents.email, "grace@example.com"));
    expect(consent).toMatchObject({
      method: "import",
      form: "Old form, footer",
      signedUpAt: new Date("2025-04-02T10:00:00Z"),
    });
    expect(consent!.evidence).toContain("old-list.csv");
    expect(consent!.evidence).toContain("3");

    await syncPendingContacts(db, mailer, { limit: 2, now });
    await syncPendingContacts(db, mailer, { limit: 2, now });
    expect(contacts.map((contact) => contact.email).sort()).toEqual([
      "ada@example.com",
      "grace@example.com",
      "linus@example.com",
    ]);
    expect(contacts.find((contact) => contact.email === "ada@example.com")!.properties).toMatchObject({
      consent_method: "import",
      consent_source: "Conference signup sheet",
    });
  });

  it("adds nothing when the same file is imported again", async () => {
    const { rows } = parseSubscriberCsv(csv, now);
    await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    const again = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(again.imported).toEqual([]);
    expect(again.present).toHaveLength(3);
    expect(await db.select().from(subscribers)).toHaveLength(3);
    expect(await db.select().from(consents)).toHaveLength(3);
  });

  it("leaves an unsubscribed address unsubscribed", async () => {
    await db.insert(subscribers).values({
      email: "ada@example.com",
      status: "unsubscribed",
      createdAt: now,
      updatedAt: now,
      leftAt: now,
      leaveReason: "unsubscribed",
      contactSync: "synced",
    });
    const { rows } = parseSubscriberCsv(csv, now);
    const outcome = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(outcome.leftTheList.map((row) => row.email)).toEqual(["ada@example.com"]);
    const [ada] = await db.select().from(subscribers).where(eq(subscribers.email, "ada@example.com"));
    expect(ada).toMatchObject({ status: "unsubscribed", contactSync: "synced" });
    expect(await db.select().from(consents).where(eq(consents.email, "ada@example.com"))).toEqual([]);
  });

  it("keeps out an address Resend knows as unsubscribed, and records it so", async () => {
    resendKnows = {
      "ada@example.com": { email: "ada@example.com", unsubscribed: true },
      "grace@example.com": { email: "grace@example.com", unsubscribed: false },
    };
    const { rows } = parseSubscriberCsv(csv, now);
    const outcome = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(outcome.unsubscribedInResend.map((row) => [row.line, row.email])).toEqual([
      [2, "ada@example.com"],
    ]);
    expect(outcome.imported.map((row) => row.email)).toEqual(["grace@example.com", "linus@example.com"]);
    const [ada] = await db.select().from(subscribers).where(eq(subscribers.email, "ada@example.com"));
    expect(ada).toMatchObject({ status: "unsubscribed", leaveReason: "unsubscribed", contactSync: "synced" });
    expect(await db.select().from(consents).where(eq(consents.email, "ada@example.com"))).toEqual([]);

    await syncPendingContacts(db, mailer, { now });
    expect(contacts.map((contact) => contact.email).sort()).toEqual([
      "grace@example.com",
      "linus@example.com",
    ]);
    // An imported contact never undoes an unsubscribe in Resend, even one made after the check.
    expect(contacts.every((contact) => contact.resubscribe === false)).toBe(true);

    const again = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(again.leftTheList.map((row) => row.email)).toEqual(["ada@example.com"]);
  });

  it("adds nothing it could not check with Resend, so importing again finishes the job", async () => {
    resendKnows = { "grace@example.com": new MailError("Resend 503 unavailable", true, 503) };
    const { rows } = parseSubscriberCsv(csv, now);
    const outcome = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(outcome.unchecked.map((row) => [row.line, row.email])).toEqual([[3, "grace@example.com"]]);
    expect(outcome.unchecked[0]!.reason).toMatch(/503/);
    expect(await db.select().from(subscribers).where(eq(subscribers.email, "grace@example.com"))).toEqual([]);
    resendKnows = {};
    const again = await importSubscribers(db, rows, { fileName: "old-list.csv", resend, now });
    expect(again.imported.map((row) => row.email)).toEqual(["grace@example.com"]);
  });
});
