import { openStore } from "@/lib/db/open-store";
import { runDeliveryPass } from "@/lib/inquiry/delivery";
import { deliveryRuntime } from "@/lib/inquiry/runtime";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run deliver

Attempts every undelivered inquiry now (not held ones), ignoring the back-off, sends queued
receipts, writes confirmed newsletter subscribers to Resend whose contact is not written yet,
and deletes inquiries older than INQUIRY_RETENTION_DAYS and newsletter signups older than 7 days. Exits 0 only when no
inquiry is left undelivered. Works while the site runs (through its port) and without it.

Environment: DATABASE_URL, DATA_DIR, INQUIRY_RETENTION_DAYS, and the site's mail settings.`;

async function main(): Promise<number> {
  if (wantsHelp(process.argv.slice(2))) {
    console.log(help);
    return 0;
  }
  const { mailer, retentionDays, contacts } = deliveryRuntime();
  const store = await openStore();
  try {
    const result = await runDeliveryPass(store.db, mailer, {
      ignoreBackoff: true,
      retentionDays,
      contacts,
      deadlineMs: 10 * 60_000,
    });
    const { remaining } = result;
    console.log(
      formatFields([
        ["store", store.describe],
        ["delivered", String(result.delivered.length)],
        ["will retry", String(result.retrying.length)],
        ["failed", String(result.failed.length)],
        [
          "receipts sent",
          `${result.receipts.delivered} (${result.receipts.retrying} to retry, ${result.receipts.failed} failed)`,
        ],
        ["deleted (retention)", String(result.deleted)],
        [
          "newsletter",
          `${result.newsletter.contactsSynced} contacts written to Resend (${result.newsletter.contactsFailed} failed), ${result.newsletter.signupsDeleted} old signups deleted`,
        ],
        [
          "undelivered now",
          `${remaining.received + remaining.retrying + remaining.failed} (${remaining.failed} failed)`,
        ],
      ]),
    );
    if (remaining.failed > 0)
      console.log("\nSee them with `npm run inquiries`; send one with `npm run inquiries -- retry <id>`.");
    return remaining.received + remaining.retrying + remaining.failed === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

runScript(main);
