import type { Db } from "@/lib/db/client";
import type { InquiryRow } from "@/lib/db/schema";
import { listRecentInquiries } from "@/lib/inquiry/store";
import { dictionary, plural, type Dictionary } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

type DigestWords = Dictionary["digest"];

// The inquiry's part of the coach's daily digest (lib/jobs/digest.ts assembles every feature's).

function entry(row: InquiryRow, words: DigestWords): string {
  const { name, email } = row.payload;
  const when = row.createdAt.toISOString().slice(0, 16).replace("T", " ");
  const command = row.status === "held" ? "release" : "retry";
  const why = row.status === "held" ? (row.heldReason ?? "held") : (row.lastError ?? words.notDelivered);
  return `${when} UTC  ${name} <${email}>  (${why})\n    npm run inquiries -- ${command} ${row.id.slice(0, 8)}`;
}

/**
 * Held inquiries (possibly bots, waiting for the coach) and failed ones (the mail service kept
 * failing), from `since` on: one section each, with the command that sends each one.
 */
export async function inquiryDigestSections(
  db: Db,
  { since, language }: { since: Date; language: Language },
) {
  const words = dictionary(language).digest;
  const rows = await listRecentInquiries(db, { statuses: ["held", "failed"], since, limit: 200 });
  const held = rows.filter((row) => row.status === "held");
  const failed = rows.filter((row) => row.status === "failed");
  const sections = [
    {
      key: "held",
      summary: plural(words.held, held.length),
      heading: words.heldHeading,
      entries: held.map((row) => entry(row, words)),
    },
    {
      key: "failed",
      summary: plural(words.undelivered, failed.length),
      heading: words.failedHeading,
      entries: failed.map((row) => entry(row, words)),
    },
  ].filter((section) => section.entries.length > 0);
  const last = sections.at(-1);
  return last ? [...sections.slice(0, -1), { ...last, footer: words.inquiriesFooter }] : [];
}
