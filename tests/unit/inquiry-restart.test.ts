// Fault test: the site stops between storing an inquiry and delivering it. The embedded store
// is closed and opened again from the same DATA_DIR (a restart of `npm start`), and the next
// delivery pass sends the inquiry, once.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it, vi } from "vitest";
import { connectDatabase } from "@/lib/db/client";
import { startEmbeddedOwner } from "@/lib/db/embedded-owner";
import { migrateDatabase } from "@/lib/db/migrate";
import { runMaintenancePass } from "@/lib/jobs/maintenance";
import { getInquiry, storeInquiry } from "@/lib/inquiry/store";
import { fakeMailer, newInquiry } from "./support/inquiry-fixtures";

vi.setConfig({ testTimeout: 120_000 });

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "store-restart-"));
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

it("an inquiry stored before a restart is delivered after it, exactly once", async () => {
  const before = await startEmbeddedOwner(dataDir);
  const first = connectDatabase(before.url);
  await migrateDatabase(first);
  const { inquiry } = await storeInquiry(first.db, newInquiry());
  // The process dies here: no delivery attempt was made.
  await first.close();
  await before.stop();

  const after = await startEmbeddedOwner(dataDir);
  const second = connectDatabase(after.url);
  try {
    const { mailer, sentKeys } = fakeMailer();
    const pass = await runMaintenancePass(second.db, mailer);
    expect(pass.tasks.inquiries?.delivered).toEqual([inquiry.id]);
    await runMaintenancePass(second.db, mailer);
    expect(sentKeys()).toEqual([inquiry.idempotencyKey, `${inquiry.idempotencyKey}-receipt`]);
    expect(await getInquiry(second.db, inquiry.id)).toMatchObject({ status: "delivered" });
  } finally {
    await second.close();
    await after.stop();
  }
});
