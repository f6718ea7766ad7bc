import type { Db } from "@/lib/db/client";
import type { InquiryRow } from "@/lib/db/schema";
import { listRecentInquiries } from "@/lib/inquiry/store";

// The inquiry's part of the coach's daily digest (lib/jobs/digest.ts assembles every feature's).

function entry(row: InquiryRow): string {
  const { name, email } = row.payload;
  const when = row.createdAt.toISOString().slice(0, 16).replace("T", " ");
  const command = row.status === "held" ? "release" : "retry";
  const why = row.status === "held" ? (row.heldReason ?? "held") : (row.lastError ?? "not delivered");
  return `${when} UTC  ${name} <${email}>  (${why})\n    npm run inquiries -- ${command} ${row.id.slice(0, 8)}`;
}

const inquiries = (n: number, kind: string) => `${n} ${kind} ${n === 1 ? "inquiry" : "inquiries"}`;

/**
 * Held inquiries (possibly bots, waiting for the coach) and failed ones (the mail service kept
 * failing), from `since` on: one section each, with the command that sends each one.
 */
export async function inquiryDigestSections(db: Db, { since }: { since: Date }) {
  const rows = await listRecentInquiries(db, { statuses: ["held", "failed"], since, limit: 200 });
  const held = rows.filter((row) => row.status === "held");
  const failed = rows.filter((row) => row.status === "failed");
  const sections = [
    {
      key: "held",
      summary: inquiries(held.length, "held"),
      heading: "Held (possibly a bot, not emailed to you; release to deliver)",
      entries: held.map(entry),
    },
    {
      key: "failed",
      summary: inquiries(failed.length, "undelivered"),
      heading: "Not delivered (the mail service kept failing; retry to send now)",
      entries: failed.map(entry),
    },
  ].filter((section) => section.entries.length > 0);
  const last = sections.at(-1);
  return last
    ? [...sections.slice(0, -1), { ...last, footer: "Read one in full with: npm run inquiries -- show <id>" }]
    : [];
}
