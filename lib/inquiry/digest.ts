import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { digests, type InquiryRow, type StoredEmail } from "@/lib/db/schema";
import { describeError, sendWithTimeout, type DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { listRecentInquiries } from "@/lib/inquiry/store";

export type DigestSettings = {
  from: string;
  /** The coach's address. */
  to: string;
  siteName: string;
  /** Held and failed inquiries from this many days back are listed (default 7). */
  lookbackDays?: number;
};

export type DigestResult = "sent" | "nothing-to-report" | "already-sent" | "send-failed";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function line(row: InquiryRow): string {
  const { name, email } = row.payload;
  const when = row.createdAt.toISOString().slice(0, 16).replace("T", " ");
  const command = row.status === "held" ? "release" : "retry";
  const why = row.status === "held" ? (row.heldReason ?? "held") : (row.lastError ?? "not delivered");
  return `${when} UTC  ${name} <${email}>  (${why})\n    npm run inquiries -- ${command} ${row.id.slice(0, 8)}`;
}

export function digestEmail(held: InquiryRow[], failed: InquiryRow[], settings: DigestSettings): StoredEmail {
  const sections: string[] = [];
  if (held.length > 0) {
    sections.push(
      `Held (possibly a bot, not emailed to you; release to deliver):\n\n${held.map(line).join("\n\n")}`,
    );
  }
  if (failed.length > 0) {
    sections.push(
      `Not delivered (the mail service kept failing; retry to send now):\n\n${failed.map(line).join("\n\n")}`,
    );
  }
  const text = [
    `${held.length} held and ${failed.length} undelivered inquiries on ${settings.siteName} need a look.`,
    ...sections,
    "Read one in full with: npm run inquiries -- show <id>",
  ].join("\n\n");
  return {
    from: settings.from,
    to: settings.to,
    subject: `${settings.siteName}: ${held.length + failed.length} inquiries need a look`,
    text,
    html: `<pre style="font-family:ui-monospace,monospace;white-space:pre-wrap">${escapeHtml(text)}</pre>`,
    tags: [{ name: "category", value: "inquiry-digest" }],
  };
}

/**
 * Emails the coach once a day (UTC) when inquiries are held or failed. The day's row is taken
 * before sending, so two workers send one digest; it is given back if the send fails.
 */
export async function sendDailyDigest(
  db: Db,
  mailer: DeliveryMailer,
  settings: DigestSettings,
  { now = new Date(), timeoutMs = timing.callInPassMs }: { now?: Date; timeoutMs?: number } = {},
): Promise<DigestResult> {
  const since = new Date(now.getTime() - (settings.lookbackDays ?? 7) * 24 * 60 * 60_000);
  const rows = await listRecentInquiries(db, { statuses: ["held", "failed"], since, limit: 200 });
  if (rows.length === 0) return "nothing-to-report";
  const held = rows.filter((row) => row.status === "held");
  const failed = rows.filter((row) => row.status === "failed");

  const day = now.toISOString().slice(0, 10);
  const taken = await db
    .insert(digests)
    .values({ day, sentAt: now, heldCount: held.length, failedCount: failed.length })
    .onConflictDoNothing()
    .returning();
  if (taken.length === 0) return "already-sent";

  try {
    await sendWithTimeout(
      mailer,
      { ...digestEmail(held, failed, settings), idempotencyKey: `digest-${day}` },
      timeoutMs,
    );
    return "sent";
  } catch (error) {
    console.error(`[inquiry] daily digest not sent: ${describeError(error)}`);
    await db.delete(digests).where(eq(digests.day, day));
    return "send-failed";
  }
}
