// The coach's data commands, run as separate processes as a coach would: a backup restored into
// a fresh DATA_DIR gives back the same `data:export` for every address, and `data:erase` leaves
// no copy in the outbox.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backedUpTables } from "@/lib/db/backup";
import { openStore, type Store } from "@/lib/db/open-store";
import { newsletterSends } from "@/lib/db/schema";
import { storeInquiry } from "@/lib/inquiry/store";
import { confirmLink, createSignup } from "@/lib/newsletter/store";
import { outboxMailer } from "@/lib/mail/outbox-transport";
import { runCommand } from "./support/commands";
import { newInquiry } from "./support/inquiry-fixtures";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/** `npm run <script>` for the given DATA_DIR, without DATABASE_URL or Resend. */
const command = (dataDir: string, script: string, ...args: string[]) => runCommand(dataDir, script, args);

/** Every backed-up table's rows, in a stable order, to compare two stores. */
async function allRows(store: Store): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of backedUpTables()) {
    const result = await store.pool.query<{ row: unknown }>(
      `select to_jsonb(t) as row from ${table.qualified} t order by to_jsonb(t)::text`,
    );
    rows[table.name] = result.rows.map((row) => row.row);
  }
  return rows;
}

const addresses = ["grace@example.com", "pending@example.com", "ada@example.com"];
const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe("backup and restore through the commands", () => {
  let folder: string;
  let source: string;
  let store: Store;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "data-commands-"));
    source = path.join(folder, "source");
    // The site's owner: the commands reach it through its socket, as while the site runs.
    store = await openStore({ env: { DATA_DIR: source } });
    const { db } = store;
    // An inquiry, a confirmed subscriber with its consent (who also sent an inquiry), a pending
    // signup, and a sent newsletter issue.
    await storeInquiry(db, newInquiry({ email: "ada@example.com", name: "Ada Lovelace" }));
    await storeInquiry(db, newInquiry({ email: "grace@example.com", name: "Grace Hopper" }));
    const confirmed = await createSignup(db, {
      email: "Grace@Example.com",
      firstName: "Grace",
      form: "footer",
      policyVersion: "2026-01",
    });
    await confirmLink(db, confirmed.token);
    await createSignup(db, {
      email: "pending@example.com",
      form: "newsletter-page",
      policyVersion: "2026-01",
    });
    const now = new Date();
    await db.insert(newsletterSends).values({
      slug: "first-90-days",
      broadcastId: "outbox-broadcast-1",
      broadcastName: "newsletter:first-90-days",
      segmentId: "segment-1",
      status: "sent",
      createdAt: now,
      updatedAt: now,
      sendRequestedAt: now,
      sentAt: now,
    });
  });
  afterAll(async () => {
    await store?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it("gives back the same data:export for every address in a fresh DATA_DIR", async () => {
    const file = path.join(folder, "backups", "store.sql");
    const backup = await command(source, "db-backup", "--out", file);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining("newsletter_sends:") });
    // Readable by this user only: the file 0600, the folder the command made 0700.
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(path.dirname(file))).toBe(0o700);

    const before = await Promise.all(addresses.map((address) => command(source, "data-export", address)));
    for (const exported of before) expect(exported.code).toBe(0);
    expect(JSON.parse(before[0]!.stdout)).toMatchObject({
      address: "grace@example.com",
      inquiries: [{ name: "Grace Hopper" }],
      newsletter: { subscriber: { status: "confirmed" }, consents: [{ method: "double-opt-in" }] },
    });
    expect(JSON.parse(before[1]!.stdout)).toMatchObject({ newsletter: { signups: [{ confirmedAt: null }] } });
    const rowsBefore = await allRows(store);

    const fresh = path.join(folder, "fresh");
    const restored = await command(fresh, "db-restore", file);
    expect(restored).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/subscribers:\s+0 before, 1 after/),
    });

    // The restored store, owned by this test now, reached by the commands through its socket.
    const copy = await openStore({ env: { DATA_DIR: fresh } });
    try {
      const after = await Promise.all(addresses.map((address) => command(fresh, "data-export", address)));
      expect(after.map((exported) => exported.stdout)).toEqual(before.map((exported) => exported.stdout));
      expect(await allRows(copy)).toEqual(rowsBefore);
    } finally {
      await copy.close();
    }
  });

  it("data:erase deletes the address's outbox emails and contact, and nobody else's", async () => {
    const outbox = outboxMailer(path.join(source, "outbox"));
    const email = { from: "Site <site@localhost>", subject: "Hi", html: "<p>Hi</p>", text: "Hi" };
    vi.spyOn(console, "info").mockImplementation(() => {});
    await outbox.send({ ...email, to: "ada@example.com", idempotencyKey: "ada-receipt" });
    await outbox.send({
      ...email,
      to: "coach@example.com",
      replyTo: "ada@example.com",
      idempotencyKey: "ada-coach",
    });
    await outbox.send({ ...email, to: "grace@example.com", idempotencyKey: "grace-receipt" });
    await outbox.subscribe({ email: "ada@example.com", properties: {} });
    await outbox.subscribe({ email: "grace@example.com", properties: {} });
    vi.restoreAllMocks();

    const erased = await command(source, "data-erase", "Ada@Example.com");
    expect(erased).toMatchObject({ code: 0, stdout: expect.stringMatching(/outbox emails deleted:\s+2\n/) });
    expect(erased.stdout).toMatch(/inquiries deleted:\s+1\n/);

    const names = await fs.readdir(path.join(source, "outbox"));
    const left = await Promise.all(
      names
        .filter((name) => name.endsWith(".json") && name !== "contacts.json")
        .map(
          async (name) =>
            JSON.parse(await fs.readFile(path.join(source, "outbox", name), "utf8")) as { to: string },
        ),
    );
    expect(left.map((record) => record.to)).toEqual(["grace@example.com"]);
    expect(names.filter((name) => name.endsWith(".html"))).toHaveLength(1);
    const contacts = JSON.parse(
      await fs.readFile(path.join(source, "outbox", "contacts.json"), "utf8"),
    ) as object;
    expect(Object.keys(contacts)).toEqual(["grace@example.com"]);
    const exported = await command(source, "data-export", "ada@example.com");
    expect(JSON.parse(exported.stdout)).toMatchObject({
      inquiries: [],
      newsletter: { signups: [], consents: [] },
    });
  });
});
