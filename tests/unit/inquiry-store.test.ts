import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import {
  deleteExpiredInquiries,
  findInquiry,
  getInquiry,
  listRecentInquiries,
  storeInquiry,
} from "@/lib/inquiry/store";
import { forceRetry, releaseHeld } from "@/lib/inquiry/admin";
import { claimDueInquiries } from "@/lib/inquiry/queue";
import { nextAttemptAfter } from "@/lib/mail/backoff";
import { dumpData, excludedTables, restoreData, schemaTables } from "@/lib/db/backup";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { at, fakeMailer, hours, minutes, newInquiry } from "./support/inquiry-fixtures";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

// The embedded database shares two cores with the rest of the suite in CI.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

describe("nextAttemptAfter", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");

  it("backs off 1 min, 5 min, 30 min, 2 h, then 6 h", () => {
    const waits = [1, 2, 3, 4, 5, 6].map(
      (attempts) => nextAttemptAfter(attempts, t0, t0)!.getTime() - t0.getTime(),
    );
    expect(waits).toEqual([minutes(1), minutes(5), minutes(30), hours(2), hours(6), hours(6)]);
  });

  it("makes the last attempt just before 23 hours, and none after", () => {
    expect(nextAttemptAfter(8, t0, at(t0, hours(20)))).toEqual(at(t0, hours(23) - minutes(1)));
    expect(nextAttemptAfter(9, t0, at(t0, hours(23) - minutes(1)))).toBeUndefined();
  });
});

describe.each(backends)("inquiry store on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);
  beforeEach(() => database.truncate());

  it("stores an inquiry as received, due now, with its emails and its own idempotency key", async () => {
    const input = newInquiry();
    const { inquiry, duplicate } = await storeInquiry(db, input);
    expect(duplicate).toBe(false);
    expect(inquiry.status).toBe("received");
    expect(inquiry.coachEmail).toEqual(input.coachEmail);
    expect(inquiry.receiptEmail).toEqual(input.receiptEmail);
    expect(inquiry.idempotencyKey).toBe(`inquiry-${inquiry.id}`);
    expect(inquiry.receiptStatus).toBeNull();
  });

  it("stores the same inquiry once within 24 hours, and anew after", async () => {
    const t0 = new Date("2026-03-01T10:00:00Z");
    const input = newInquiry();
    const first = await storeInquiry(db, input, { now: t0 });
    const resubmitted = newInquiry({
      ...input.payload,
      email: " ADA@example.com",
      message: `  ${input.payload.message}\n`,
    });
    const again = await storeInquiry(db, resubmitted, { now: at(t0, hours(23)) });
    expect(again).toMatchObject({ duplicate: true, inquiry: { id: first.inquiry.id } });

    const later = await storeInquiry(db, input, { now: at(t0, hours(24) + 1000) });
    expect(later.duplicate).toBe(false);
    expect(later.inquiry.id).not.toBe(first.inquiry.id);
  });

  it("stores simultaneous identical submissions (a double click) as one row", async () => {
    const input = newInquiry();
    const results = await Promise.all([1, 2, 3, 4].map(() => storeInquiry(db, input)));
    expect(new Set(results.map((result) => result.inquiry.id)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
  });

  it("keeps a held inquiry out of delivery until it is released", async () => {
    const { mailer, sends } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry({}, "filled in 0.8 s"));
    expect(inquiry.status).toBe("held");
    await runMaintenancePass(db, mailer, { ignoreBackoff: true });
    expect(sends).toHaveLength(0);

    expect(await releaseHeld(db, inquiry.id)).toMatchObject({ status: "received" });
    await runMaintenancePass(db, mailer);
    expect(sends.map((email) => email.idempotencyKey)).toEqual([
      inquiry.idempotencyKey,
      `${inquiry.idempotencyKey}-receipt`,
    ]);
    expect(await getInquiry(db, inquiry.id)).toMatchObject({
      status: "delivered",
      receiptStatus: "delivered",
    });
  });

  it("retries on the back-off schedule while the mail service is down", async () => {
    const t0 = new Date("2026-03-02T08:00:00Z");
    const { mailer, state, attempts } = fakeMailer();
    state.behaviour = "fail";
    const { inquiry } = await storeInquiry(db, newInquiry(), { now: t0 });

    let now = t0;
    const clock = () => now;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await runMaintenancePass(db, mailer, { clock });
      const row = (await getInquiry(db, inquiry.id))!;
      expect(row).toMatchObject({ status: "retrying", attempts: attempt });
      waits.push(row.nextAttemptAt!.getTime() - now.getTime());
      // Not due a moment before: nothing is attempted.
      now = at(row.nextAttemptAt!, -1000);
      await runMaintenancePass(db, mailer, { clock });
      expect(attempts).toHaveLength(attempt);
      now = row.nextAttemptAt!;
    }
    expect(waits).toEqual([minutes(1), minutes(5), minutes(30), hours(2), hours(6)]);
    expect((await getInquiry(db, inquiry.id))!.lastError).toContain("503");

    state.behaviour = "deliver";
    await runMaintenancePass(db, mailer, { clock });
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "delivered", attempts: 6 });
    expect(new Set(attempts.map((email) => email.idempotencyKey)).size).toBe(2);
  });

  it("marks an inquiry failed once 23 hours have passed, without sending", async () => {
    const t0 = new Date("2026-03-03T08:00:00Z");
    const { mailer, attempts } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry(), { now: t0 });
    const result = await runMaintenancePass(db, mailer, { clock: () => at(t0, hours(23) + minutes(1)) });
    expect(result.tasks.inquiries?.failed).toEqual([inquiry.id]);
    expect(result.remaining).toEqual({ received: 0, retrying: 0, failed: 1 });
    expect(attempts).toHaveLength(0);
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "failed" });
  });

  it("fails an inquiry whose last attempt, just before 23 hours, fails too", async () => {
    const t0 = new Date("2026-03-04T08:00:00Z");
    const { mailer, state } = fakeMailer();
    state.behaviour = "fail";
    const { inquiry } = await storeInquiry(db, newInquiry(), { now: t0 });
    await runMaintenancePass(db, mailer, { clock: () => at(t0, hours(23) - minutes(1)) });
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("retries a failed inquiry on request, with a new key once the old one has expired", async () => {
    const t0 = new Date("2026-03-05T08:00:00Z");
    const { mailer, sentKeys } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry(), { now: t0 });
    const late = at(t0, hours(30));
    await runMaintenancePass(db, mailer, { clock: () => late });
    expect((await getInquiry(db, inquiry.id))!.status).toBe("failed");

    const retried = await forceRetry(db, inquiry.id, { now: late });
    expect(retried).toMatchObject({ status: "received", attempts: 0 });
    expect(retried!.idempotencyKey).not.toBe(inquiry.idempotencyKey);
    await runMaintenancePass(db, mailer, { clock: () => late });
    expect(sentKeys()).toEqual([retried!.idempotencyKey, `${retried!.idempotencyKey}-receipt`]);
  });

  it("finds an inquiry by an id prefix", async () => {
    const { inquiry } = await storeInquiry(db, newInquiry());
    expect((await findInquiry(db, inquiry.id.slice(0, 8)))?.id).toBe(inquiry.id);
    expect(await findInquiry(db, "not-an-id")).toBeUndefined();
  });

  it("lists recent inquiries newest first", async () => {
    const t0 = new Date("2026-03-06T08:00:00Z");
    const older = await storeInquiry(db, newInquiry(), { now: t0 });
    const newer = await storeInquiry(db, newInquiry(), { now: at(t0, minutes(5)) });
    const rows = await listRecentInquiries(db);
    expect(rows.map((row) => row.id)).toEqual([newer.inquiry.id, older.inquiry.id]);
  });

  it("deletes inquiries older than the retention period", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const old = await storeInquiry(db, newInquiry(), { now: at(now, -hours(24 * 366)) });
    const recent = await storeInquiry(db, newInquiry(), { now: at(now, -hours(24 * 364)) });
    expect(await deleteExpiredInquiries(db, 365, { now })).toBe(1);
    expect(await getInquiry(db, old.inquiry.id)).toBeUndefined();
    expect(await getInquiry(db, recent.inquiry.id)).toBeDefined();
  });

  it("backs up every table the migrations create, but those left out on purpose, and restores them", async () => {
    const { inquiry } = await storeInquiry(
      db,
      newInquiry({ message: 'It\'s a "quoted" message, with a\nnew line.' }),
    );
    const { pool } = database.connect();
    await pool.query("insert into rate_limits values ('a-hashed-key', 1, now() + interval '1 hour')");
    const chunks: string[] = [];
    const counts = await dumpData(database.connect(), (chunk) => chunks.push(chunk));

    const { rows } = await pool.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const migrated = rows.map((row) => row.name).sort();
    // Every table the migrations made is declared in lib/db/schema.ts, so the backup knows it...
    const declared = schemaTables().map((table) => table.name);
    expect(declared.sort()).toEqual(migrated);
    // ...and dumps it, unless lib/db/backup.ts leaves it out by name.
    const leftOut = excludedTables().map((table) => table.name);
    expect(leftOut).toContain("rate_limits");
    expect(Object.keys(counts).sort()).toEqual(migrated.filter((name) => !leftOut.includes(name)));
    expect(counts).toMatchObject({
      inquiries: 1,
      digests: 0,
      subscribers: 0,
      newsletter_signups: 0,
      consents: 0,
      newsletter_sends: 0,
    });
    expect(chunks.join("")).not.toContain("a-hashed-key");

    await database.truncate();
    await restoreData(database.connect(), chunks.join(""));
    expect(await getInquiry(db, inquiry.id)).toEqual(inquiry);
  });

  it("leases a row to one claimer at a time", async () => {
    const now = new Date("2026-03-07T08:00:00Z");
    await storeInquiry(db, newInquiry(), { now });
    const [first, second] = await Promise.all([
      claimDueInquiries(db, { now, limit: 5 }),
      claimDueInquiries(db, { now, limit: 5 }),
    ]);
    expect(first.length + second.length).toBe(1);
    // The lease runs out: someone may take it again (a worker that died mid-send).
    expect(await claimDueInquiries(db, { now: at(now, minutes(3)) })).toHaveLength(1);
  });
});
