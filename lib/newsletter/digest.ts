import type { Db } from "@/lib/db/client";
import type { SubscriberRow } from "@/lib/db/schema";
import { listUnsyncedContacts } from "@/lib/newsletter/contact-sync";

// The newsletter's part of the coach's daily digest (lib/jobs/digest.ts assembles every feature's).

const day = (date: Date) => date.toISOString().slice(0, 10);

function entry(row: SubscriberRow): string {
  const since = row.contactSyncFailingSince
    ? `failing since ${day(row.contactSyncFailingSince)}`
    : "not tried yet";
  const attempts = `${row.contactSyncAttempts} ${row.contactSyncAttempts === 1 ? "attempt" : "attempts"}`;
  const state = row.contactSync === "failed" ? "given up" : `${attempts}, ${since}`;
  return `${row.email}  (${state}: ${row.contactSyncError ?? "not written yet"})`;
}

/**
 * Confirmed subscribers whose Resend contact could not be written (they get no issues until it
 * is): the ones still retried, and those given up since `since`. Nothing when all are in Resend
 * or merely waiting for their first attempt.
 */
export async function newsletterDigestSections(db: Db, { since }: { since: Date }) {
  const rows = (await listUnsyncedContacts(db, { failedSince: since })).filter(
    (row) => row.contactSync !== "pending" && row.contactSyncError !== null,
  );
  if (rows.length === 0) return [];
  return [
    {
      key: "contacts",
      summary: `${rows.length} newsletter ${rows.length === 1 ? "contact" : "contacts"} not in Resend`,
      heading:
        "Confirmed subscribers Resend did not take (they get no issues until it does; retried for 7 days)",
      entries: rows.map(entry),
      footer:
        "A refusal usually means a setting: check RESEND_SEGMENT_ID and the API key's contacts access. " +
        "Then: npm run subscribers -- retry",
    },
  ];
}
