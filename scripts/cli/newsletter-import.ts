import fs from "node:fs/promises";
import path from "node:path";
import { openStore } from "@/lib/db/open-store";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import { syncPendingContacts } from "@/lib/newsletter/contact-sync";
import { ImportFileError, importSubscribers, parseSubscriberCsv } from "@/lib/newsletter/import-list";
import { formatFields, formatTable, guardMail, runScript, wantsHelp } from "./run";

const help = `Usage: npm run newsletter:import -- <file.csv> [--dry-run]

Brings an existing list into the newsletter: each row becomes a confirmed subscriber, with its
consent evidence recorded, and is then added to the Resend segment (RESEND_SEGMENT_ID; the
outbox's contacts.json without RESEND_API_KEY). Contacts Resend does not take now are retried
by the delivery worker.

The CSV needs a header row with columns for the address (email), the first name (optional),
and the consent evidence: when they subscribed (subscribed at: YYYY-MM-DD or an ISO 8601 time)
and where (source: the form, event or provider). Rows without that evidence, or with an address
or date that cannot be read, are listed with their line number and skipped. Someone who
unsubscribed stays unsubscribed: here, or in Resend (each new address is looked up there first;
one Resend knows as unsubscribed is recorded as such and listed with its line). Running the
same file again adds nothing.

  --dry-run   check the file and report, change nothing

Environment: DATABASE_URL or DATA_DIR, and the site's mail settings.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args)) {
    console.log(help);
    return 0;
  }
  const dryRun = args.includes("--dry-run");
  const files = args.filter((arg) => arg !== "--dry-run");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    console.error(help);
    return 2;
  }
  const file = files[0]!;
  let parsed: ReturnType<typeof parseSubscriberCsv>;
  try {
    parsed = parseSubscriberCsv(await fs.readFile(file, "utf8"));
  } catch (error) {
    if (error instanceof ImportFileError || (error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`error: ${file}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  const { rows, problems } = parsed;
  if (problems.length > 0) {
    console.log(
      `Skipped (not imported):\n${formatTable(
        ["line", "reason"],
        problems.map((p) => [String(p.line), p.reason]),
      )}\n`,
    );
  }
  if (dryRun) {
    console.log(
      formatFields([
        ["readable rows", String(rows.length)],
        ["skipped", String(problems.length)],
        ["changed", "nothing (--dry-run)"],
      ]),
    );
    return problems.length > 0 ? 1 : 0;
  }

  const store = await openStore();
  try {
    await guardMail(store);
    const mailer = configuredMailer();
    const outcome = await importSubscribers(store.db, rows, {
      fileName: path.basename(file),
      resend: mailer,
    });
    const notAdded = [
      ...outcome.leftTheList.map((row) => ({ row, why: "unsubscribed earlier (this site): kept out" })),
      ...outcome.unsubscribedInResend.map((row) => ({ row, why: "unsubscribed in Resend: kept out" })),
      ...outcome.unchecked.map((row) => ({
        row,
        why: `not imported: Resend could not be asked (${row.reason}); import the file again`,
      })),
    ].sort((a, b) => a.row.line - b.row.line);
    if (notAdded.length > 0) {
      console.log(
        `Not added:\n${formatTable(
          ["line", "address", "why"],
          notAdded.map(({ row, why }) => [String(row.line), row.email, why]),
        )}\n`,
      );
    }
    let synced = 0;
    let failed = 0;
    for (;;) {
      const pass = await syncPendingContacts(store.db, mailer, { limit: 25 });
      if (pass.synced + pass.failed === 0) break;
      synced += pass.synced;
      failed += pass.failed;
      console.log(`contacts written to the segment: ${synced}${failed ? ` (${failed} to retry later)` : ""}`);
    }
    console.log(
      formatFields([
        ["store", store.describe],
        ["imported", String(outcome.imported.length)],
        ["already on the list", String(outcome.present.length)],
        ["unsubscribed, kept out", String(outcome.leftTheList.length)],
        ["unsubscribed in Resend", String(outcome.unsubscribedInResend.length)],
        ["not checked, not added", String(outcome.unchecked.length)],
        ["skipped (see above)", String(problems.length)],
        [
          "contacts synced",
          `${synced}${failed ? `, ${failed} failed (retried by the delivery worker)` : ""}`,
        ],
      ]),
    );
    return problems.length > 0 || failed > 0 || outcome.unchecked.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

runScript(main);
