import type { Db } from "@/lib/db/client";
import type { SubscriberRow } from "@/lib/db/schema";
import { listUnsyncedContacts } from "@/lib/newsletter/contact-sync";
import { dictionary, fill, plural, type Dictionary } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

// The newsletter's part of the coach's daily digest (lib/jobs/digest.ts assembles every feature's).

const day = (date: Date) => date.toISOString().slice(0, 10);

function entry(row: SubscriberRow, words: Dictionary["digest"]): string {
  const since = row.contactSyncFailingSince
    ? fill(words.contactFailingSince, { day: day(row.contactSyncFailingSince) })
    : words.contactNotTried;
  const attempts = plural(words.contactAttempts, row.contactSyncAttempts);
  const state = row.contactSync === "failed" ? words.contactGivenUp : `${attempts}, ${since}`;
  return `${row.email}  (${state}: ${row.contactSyncError ?? words.contactNotWritten})`;
}

/**
 * Confirmed subscribers whose Resend contact could not be written (they get no issues until it
 * is): the ones still retried, and those given up since `since`. Nothing when all are in Resend
 * or merely waiting for their first attempt.
 */
export async function newsletterDigestSections(
  db: Db,
  { since, language }: { since: Date; language: Language },
) {
  const words = dictionary(language).digest;
  const rows = (await listUnsyncedContacts(db, { failedSince: since })).filter(
    (row) => row.contactSync !== "pending" && row.contactSyncError !== null,
  );
  if (rows.length === 0) return [];
  return [
    {
      key: "contacts",
      summary: plural(words.contacts, rows.length),
      heading: words.contactsHeading,
      entries: rows.map((row) => entry(row, words)),
      footer: words.contactsFooter,
    },
  ];
}
