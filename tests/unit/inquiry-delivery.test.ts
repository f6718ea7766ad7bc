import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { deliverInquiry } from "@/lib/inquiry/delivery";
import { claimInquiry, markDelivered } from "@/lib/inquiry/queue";
import { getInquiry, storeInquiry } from "@/lib/inquiry/store";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { startMaintenanceTimer } from "@/lib/jobs/timer";
import { at, fakeMailer, hours, newInquiry } from "./support/inquiry-fixtures";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

// The embedded database shares two cores with the rest of the suite in CI.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

const digest = { from: "Site <website@example.com>", to: "coach@example.com", siteName: "Test Coaching" };

describe.each(backends)("inquiry delivery on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);
  beforeEach(() => database.truncate());

  it("delivers to the coach, then the receipt, each with its own stable key", async () => {
    const { mailer, sends } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry());
    const outcome = await deliverInquiry(db, mailer, inquiry.id);
    expect(outcome).toEqual({ status: "delivered", receiptSent: true });
    expect(sends.map((email) => [email.to, email.idempotencyKey])).toEqual([
      ["coach@example.com", inquiry.idempotencyKey],
      ["ada@example.com", `${inquiry.idempotencyKey}-receipt`],
    ]);
    expect(await getInquiry(db, inquiry.id)).toMatchObject({
      status: "delivered",
      receiptStatus: "delivered",
    });
  });

  it("answers within the deadline when the mail service never answers, and the worker delivers later", async () => {
    const { mailer, state, sentKeys } = fakeMailer();
    state.behaviour = "hang";
    const { inquiry } = await storeInquiry(db, newInquiry());
    const started = Date.now();
    const outcome = await deliverInquiry(db, mailer, inquiry.id, { deadlineMs: 600, perCallTimeoutMs: 400 });
    // The send is cut off at 400 ms; the rest is database time on a busy machine.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome).toEqual({ status: "retrying", receiptSent: false });
    expect((await getInquiry(db, inquiry.id))!.lastError).toContain("SendTimeoutError");

    state.behaviour = "deliver";
    const result = await runMaintenancePass(db, mailer, { ignoreBackoff: true });
    expect(result.tasks.inquiries?.delivered).toEqual([inquiry.id]);
    expect(result.remaining).toEqual({ received: 0, retrying: 0, failed: 0 });
    expect(sentKeys()).toEqual([inquiry.idempotencyKey, `${inquiry.idempotencyKey}-receipt`]);
  });

  it("sends no receipt until the coach's email is delivered", async () => {
    const { mailer, state, attempts } = fakeMailer();
    state.behaviour = "fail";
    const { inquiry } = await storeInquiry(db, newInquiry());
    await runMaintenancePass(db, mailer, { ignoreBackoff: true });
    expect(attempts.map((email) => email.to)).toEqual(["coach@example.com"]);
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "retrying", receiptStatus: null });
  });

  it("sends each email once when two workers run passes at the same time", async () => {
    const { mailer, sentKeys } = fakeMailer({ delayMs: 15 });
    const stored = [];
    for (let index = 0; index < 12; index++) stored.push((await storeInquiry(db, newInquiry())).inquiry);
    const otherWorker = database.connect().db;
    const [first, second] = await Promise.all([
      runMaintenancePass(db, mailer, { batchSize: 2 }),
      runMaintenancePass(otherWorker, mailer, { batchSize: 2 }),
    ]);
    expect(first.tasks.inquiries?.delivered.length ?? 0).toBeGreaterThan(0);
    expect(second.tasks.inquiries?.delivered.length ?? 0).toBeGreaterThan(0);
    expect(first.tasks.inquiries!.delivered.length + second.tasks.inquiries!.delivered.length).toBe(12);
    const keys = sentKeys();
    expect(keys).toHaveLength(24);
    expect(new Set(keys).size).toBe(24);
    expect(new Set(keys)).toEqual(
      new Set(stored.flatMap((row) => [row.idempotencyKey, `${row.idempotencyKey}-receipt`])),
    );
  });

  it("gives up a receipt not sent within 23 hours of the coach's email", async () => {
    const t0 = new Date("2026-04-02T09:00:00Z");
    const { mailer, sends } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry(), { now: t0 });
    // The coach's email went out; then the site was down for a day before the receipt.
    await claimInquiry(db, inquiry.id, { now: t0 });
    await markDelivered(db, inquiry.id, { now: t0 });
    const result = await runMaintenancePass(db, mailer, { clock: () => at(t0, hours(25)) });
    expect(result.tasks.receipts?.failed).toBe(1);
    expect(sends).toHaveLength(0);
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "delivered", receiptStatus: "failed" });
  });

  it("runs one pass at a time on the same connection", async () => {
    const { mailer } = fakeMailer({ delayMs: 20 });
    await storeInquiry(db, newInquiry());
    const [first, second] = await Promise.all([
      runMaintenancePass(db, mailer),
      runMaintenancePass(db, mailer),
    ]);
    expect([first.skipped, second.skipped].sort()).toEqual([false, true]);
  });

  it("keeps undelivered inquiries counted until the mail service is back", async () => {
    const { mailer, state } = fakeMailer();
    state.behaviour = "fail";
    for (let index = 0; index < 3; index++) await storeInquiry(db, newInquiry());
    const down = await runMaintenancePass(db, mailer, { ignoreBackoff: true });
    expect(down.remaining).toEqual({ received: 0, retrying: 3, failed: 0 });
    state.behaviour = "deliver";
    const up = await runMaintenancePass(db, mailer, { ignoreBackoff: true });
    expect(up.tasks.inquiries?.delivered).toHaveLength(3);
    expect(up.remaining).toEqual({ received: 0, retrying: 0, failed: 0 });
  });

  it("emails the coach a digest of held and failed inquiries at most once a day", async () => {
    const t0 = new Date("2026-04-01T09:00:00Z");
    const { mailer, sends } = fakeMailer();
    const held = await storeInquiry(db, newInquiry({}, "filled in 0.8 s"), { now: t0 });
    const clock = () => t0;
    expect((await runMaintenancePass(db, mailer, { clock, digest })).tasks.digest?.digest).toBe("sent");
    expect((await runMaintenancePass(db, mailer, { clock, digest })).tasks.digest?.digest).toBe(
      "already-sent",
    );
    const [email] = sends;
    expect(email).toMatchObject({ to: "coach@example.com", idempotencyKey: "digest-2026-04-01" });
    expect(email!.text).toContain(`npm run inquiries -- release ${held.inquiry.id.slice(0, 8)}`);

    const nextDay = () => at(t0, hours(24));
    expect((await runMaintenancePass(db, mailer, { clock: nextDay, digest })).tasks.digest?.digest).toBe(
      "sent",
    );
  });

  it("sends no digest when nothing needs the coach", async () => {
    const { mailer, sends } = fakeMailer();
    await storeInquiry(db, newInquiry());
    expect((await runMaintenancePass(db, mailer, { digest })).tasks.digest?.digest).toBe("nothing-to-report");
    expect(sends.map((email) => email.idempotencyKey)).not.toContainEqual(expect.stringMatching(/^digest-/));
  });

  it("deletes expired inquiries during a pass when a retention period is given", async () => {
    const { mailer } = fakeMailer();
    await storeInquiry(db, newInquiry(), { now: new Date(Date.now() - hours(24 * 400)) });
    const result = await runMaintenancePass(db, mailer, { retentionDays: 365 });
    expect(result.tasks.retention?.deleted).toBe(1);
  });

  it("delivers on a timer without being asked", async () => {
    const { mailer, sentKeys } = fakeMailer();
    const { inquiry } = await storeInquiry(db, newInquiry());
    const stop = startMaintenanceTimer(
      () => Promise.resolve(db),
      () => mailer,
      { intervalMs: 100, deadlineMs: 5_000 },
    );
    try {
      await expect.poll(() => sentKeys(), { timeout: 5_000 }).toContain(inquiry.idempotencyKey);
    } finally {
      await stop();
    }
    expect(await getInquiry(db, inquiry.id)).toMatchObject({ status: "delivered" });
  });
});
