import { runConfiguredPass } from "@/lib/jobs/presets";
import { formatFields, guardMail, runStoreCommand } from "./run";

const help = `Usage: npm run deliver

Attempts every undelivered inquiry now (not held ones), ignoring the back-off, sends queued
receipts, writes confirmed newsletter subscribers to Resend whose contact is not written yet,
and deletes inquiries older than INQUIRY_RETENTION_DAYS and newsletter signups older than 7 days. Exits 0 only when no
inquiry is left undelivered. Works while the site runs (through its port) and without it.

Refuses, changing nothing, to write the queue into the outbox when RESEND_API_KEY is missing
from this shell but the site sends through Resend (the store records it), or when SITE_URL is
a public site (unless ALLOW_OUTBOX_IN_PRODUCTION=1).

Environment: DATABASE_URL, DATA_DIR, INQUIRY_RETENTION_DAYS, and the site's mail settings.`;

runStoreCommand(help, async (store) => {
  await guardMail(store);
  const { tasks, remaining } = await runConfiguredPass(store.db, "manual");
  const inquiries = tasks.inquiries ?? { delivered: [], retrying: [], failed: [] };
  const receipts = tasks.receipts ?? { delivered: 0, retrying: 0, failed: 0 };
  const contacts = tasks.contacts ?? { synced: 0, failed: 0 };
  console.log(
    formatFields([
      ["store", store.describe],
      ["delivered", String(inquiries.delivered.length)],
      ["will retry", String(inquiries.retrying.length)],
      ["failed", String(inquiries.failed.length)],
      ["receipts sent", `${receipts.delivered} (${receipts.retrying} to retry, ${receipts.failed} failed)`],
      ["deleted (retention)", String(tasks.retention?.deleted ?? 0)],
      [
        "newsletter",
        `${contacts.synced} contacts written to Resend (${contacts.failed} failed), ${tasks["old-signups"]?.deleted ?? 0} old signups deleted`,
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
});
