// Erasure leaves no copy behind: a row a running pass already claimed is not sent once it is
// erased, and the outbox's emails and contact for the address go with the rows.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { markDelivered } from "@/lib/inquiry/queue";
import { getInquiry, storeInquiry } from "@/lib/inquiry/store";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { eraseFromOutbox, outboxMailer } from "@/lib/mail/outbox-transport";
import { erasePersonalData } from "@/lib/privacy/personal-data";
import { fakeMailer, newInquiry } from "./support/inquiry-fixtures";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

/**
 * A mailer that, while it sends the pass's first email, erases the other of two addresses, whose
 * row the pass has claimed in the same batch (a pass takes its batch in no particular order).
 */
function erasingOnFirstSend(db: Db, addresses: [string, string]) {
  const fake = fakeMailer();
  const send = fake.mailer.send.bind(fake.mailer);
  const state: { kept?: string; erased?: string } = {};
  fake.mailer.send = async (email, options) => {
    if (!state.erased) {
      state.kept = addresses.find((address) => address === email.to || address === email.replyTo)!;
      state.erased = addresses.find((address) => address !== state.kept)!;
      expect((await erasePersonalData(db, state.erased)).inquiries).toBe(1);
    }
    return send(email, options);
  };
  return { ...fake, state };
}

describe.each(backends)("erasure during a delivery pass on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);
  beforeEach(() => database.truncate());

  it("does not send the coach's email of a row erased after the pass claimed it", async () => {
    const rows = [
      (await storeInquiry(db, newInquiry({ email: "one@example.com" }))).inquiry,
      (await storeInquiry(db, newInquiry({ email: "two@example.com" }))).inquiry,
    ];
    const { mailer, sentKeys, state } = erasingOnFirstSend(db, ["one@example.com", "two@example.com"]);

    const pass = await runMaintenancePass(db, mailer);

    const kept = rows.find((row) => row.payload.email === state.kept)!;
    const erased = rows.find((row) => row.payload.email === state.erased)!;
    expect(pass.tasks.inquiries?.delivered).toEqual([kept.id]);
    expect(sentKeys()).toEqual([kept.idempotencyKey, `${kept.idempotencyKey}-receipt`]);
    expect(await getInquiry(db, erased.id)).toBeUndefined();
  });

  it("does not send the receipt of a row erased after the pass claimed it", async () => {
    const rows = [
      (await storeInquiry(db, newInquiry({ email: "one@example.com" }))).inquiry,
      (await storeInquiry(db, newInquiry({ email: "two@example.com" }))).inquiry,
    ];
    // Both coach emails delivered: both receipts due.
    for (const row of rows) await markDelivered(db, row.id, { now: new Date(Date.now() - 60_000) });
    const { mailer, sentKeys, state } = erasingOnFirstSend(db, ["one@example.com", "two@example.com"]);

    const pass = await runMaintenancePass(db, mailer);

    const kept = rows.find((row) => row.payload.email === state.kept)!;
    expect(sentKeys()).toEqual([`${kept.idempotencyKey}-receipt`]);
    expect(pass.tasks.receipts).toMatchObject({ delivered: 1, retrying: 0, failed: 0 });
  });
});

describe("erasure in the local outbox", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "outbox-erase-"));
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("deletes the emails to, replying to or naming the address, and its contact", async () => {
    const mailer = outboxMailer(dir);
    const base = { from: "Site <site@localhost>", html: "<p>Hello</p>", text: "Hello", subject: "Hi" };
    // To the person (a receipt, a confirmation link), to the coach about them, a digest naming them.
    await mailer.send({ ...base, to: "Erin@Example.com", idempotencyKey: "receipt" });
    await mailer.send({
      ...base,
      to: "coach@example.com",
      replyTo: "erin@example.com",
      idempotencyKey: "coach",
    });
    await mailer.send({
      ...base,
      to: "coach@example.com",
      text: "Held:\n  Erin <erin@example.com>  (too fast)",
      idempotencyKey: "digest",
    });
    // Someone else, and an address that only contains hers.
    await mailer.send({ ...base, to: "ada@example.com", idempotencyKey: "other" });
    await mailer.send({
      ...base,
      to: "coach@example.com",
      text: "from kerin@example.com.au",
      idempotencyKey: "near",
    });
    await mailer.subscribe({ email: "erin@example.com", properties: {} });
    await mailer.subscribe({ email: "ada@example.com", properties: {} });

    expect(await eraseFromOutbox(dir, " ERIN@example.com ")).toEqual({ emails: 3, contact: true });

    const left = (await fs.readdir(dir)).sort();
    expect(left.filter((name) => name.endsWith(".json") && name !== "contacts.json")).toHaveLength(2);
    expect(left.filter((name) => name.endsWith(".html"))).toHaveLength(2);
    const remaining = await Promise.all(
      left
        .filter((name) => name.endsWith(".json") && name !== "contacts.json")
        .map(
          async (name) =>
            JSON.parse(await fs.readFile(path.join(dir, name), "utf8")) as { idempotencyKey: string },
        ),
    );
    expect(remaining.map((record) => record.idempotencyKey).sort()).toEqual(["near", "other"]);
    const contacts = JSON.parse(await fs.readFile(path.join(dir, "contacts.json"), "utf8")) as object;
    expect(Object.keys(contacts)).toEqual(["ada@example.com"]);
    expect(await eraseFromOutbox(dir, "erin@example.com")).toEqual({ emails: 0, contact: false });
  });

  it("is a no-op without an outbox folder", async () => {
    expect(await eraseFromOutbox(path.join(dir, "never-written"), "erin@example.com")).toEqual({
      emails: 0,
      contact: false,
    });
  });
});
