import type { SubscriberRow } from "@/lib/db/schema";
import { openStore } from "@/lib/db/open-store";
import { normaliseEmail } from "@/lib/forms/email-field";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import {
  countContactSync,
  listUnsyncedContacts,
  restartContactSync,
  syncContact,
} from "@/lib/newsletter/contact-sync";
import { formatFields, formatTable, guardMail, runScript, wantsHelp } from "./run";

const help = `Usage: npm run subscribers [-- <command>]

  (none)            how many newsletter subscribers are confirmed and in Resend, and every
                    confirmed subscriber whose Resend contact is not written (they get no
                    issues until it is), with the last error
  retry [address]   write them to Resend now: the one address, or every one listed; for after
                    fixing a setting (RESEND_SEGMENT_ID, the API key's contacts access)

A contact Resend does not take is tried again by the delivery worker on the back-off schedule
(1 min, 5 min, 30 min, 2 h, then every 6 h) for 7 days, then marked failed; the coach's daily
digest lists them meanwhile. Sync states: pending (not tried yet), retrying, failed (given up:
retry it). Works while the site runs and without it.

Environment: DATABASE_URL, DATA_DIR, and the site's mail settings for retry.`;

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "-");

function list(rows: SubscriberRow[]): string {
  if (rows.length === 0) return "Every confirmed subscriber is in Resend.";
  return formatTable(
    ["address", "sync", "attempts", "failing since", "next attempt", "last error"],
    rows.map((row) => [
      row.email,
      row.contactSync,
      String(row.contactSyncAttempts),
      when(row.contactSyncFailingSince),
      row.contactSync === "failed" ? "- (retry it)" : when(row.contactNextSyncAt),
      row.contactSyncError ?? "-",
    ]),
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const [command, address, ...rest] = args;
  if (wantsHelp(args) || rest.length > 0 || (command && command !== "list" && command !== "retry")) {
    console.log(help);
    return wantsHelp(args) ? 0 : 2;
  }
  const store = await openStore();
  try {
    if (!command || command === "list") {
      const counts = await countContactSync(store.db);
      const waiting = counts.pending + counts.retrying + counts.failed;
      console.log(
        formatFields([
          ["store", store.describe],
          ["confirmed", String(counts.synced + waiting)],
          ["in Resend", String(counts.synced)],
          [
            "not in Resend",
            `${waiting} (${counts.pending} pending, ${counts.retrying} retrying, ${counts.failed} failed)`,
          ],
        ]),
      );
      console.log(`\n${list(waiting > 0 ? await listUnsyncedContacts(store.db) : [])}`);
      return 0;
    }

    await guardMail(store);
    const restarted = await restartContactSync(store.db, address ? [normaliseEmail(address)] : "all");
    if (restarted.length === 0) {
      console.error(
        address
          ? `${address} is not a confirmed subscriber waiting for Resend.`
          : "Every confirmed subscriber is in Resend.",
      );
      return address ? 1 : 0;
    }
    const mailer = configuredMailer();
    const results: string[][] = [];
    for (const row of restarted) {
      const synced = await syncContact(store.db, mailer, row);
      const [after] = synced ? [] : await listUnsyncedContacts(store.db, { limit: 1, emails: [row.email] });
      results.push([row.email, synced ? "in Resend" : `retrying: ${after?.contactSyncError ?? "failed"}`]);
    }
    console.log(formatTable(["address", "now"], results));
    return results.every(([, now]) => now === "in Resend") ? 0 : 1;
  } finally {
    await store.close();
  }
}

runScript(main);
