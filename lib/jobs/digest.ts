import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { digests, type StoredEmail } from "@/lib/db/schema";
import { siteConfig } from "@/lib/config/site-config";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";
import { describeError, sendWithTimeout, type DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { capHitsDigestSections } from "@/lib/forms/cap-hits";
import { inquiryDigestSections } from "@/lib/inquiry/digest";
import { newsletterDigestSections } from "@/lib/newsletter/digest";

export type DigestSettings = {
  from: string;
  /** The coach's address. */
  to: string;
  siteName: string;
  /** Held and failed rows from this many days back are listed (default 7). */
  lookbackDays?: number;
};

export type DigestResult = "sent" | "nothing-to-report" | "already-sent" | "send-failed";

/** One part of the digest: something a feature asks the coach to look at. */
export type DigestSection = {
  /** Names the section (`held`, `failed`, `contacts`); `held` and `failed` are counted on the day's row. */
  key: string;
  /** For the subject and the first line: "2 held inquiries". */
  summary: string;
  heading: string;
  /** One per row: a few lines of plain text, with the command that deals with it. */
  entries: string[];
  /** A line after the entries (how to read more, what to fix). */
  footer?: string;
};

/** What a part is asked for: the period, and the coach's language to write it in. */
export type DigestPeriod = { now: Date; since: Date; language: Language };

/**
 * Every feature's part of the digest, in the order the coach reads them. Each feature exports
 * its sections (a function of the store and the period, empty when all is well) and knows
 * nothing of the others; a new part is one line here.
 */
const digestParts: ((db: Db, period: DigestPeriod) => Promise<DigestSection[]>)[] = [
  // Held and failed inquiries.
  inquiryDigestSections,
  // Newsletter contacts Resend did not take.
  newsletterDigestSections,
  // Emails to typed addresses that a cap stopped.
  capHitsDigestSections,
];

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function digestEmail(
  sections: DigestSection[],
  settings: DigestSettings,
  language: Language = siteConfig.coachLanguage,
): StoredEmail {
  const words = dictionary(language).digest;
  const summary = sections.map((section) => section.summary).join(", ");
  const text = [
    fill(words.intro, { site: settings.siteName, summary }),
    ...sections.map((section) =>
      [`${section.heading}:`, section.entries.join("\n\n"), ...(section.footer ? [section.footer] : [])].join(
        "\n\n",
      ),
    ),
  ].join("\n\n");
  return {
    from: settings.from,
    to: settings.to,
    subject: fill(words.subject, { site: settings.siteName, summary }),
    text,
    html: `<pre style="font-family:ui-monospace,monospace;white-space:pre-wrap">${escapeHtml(text)}</pre>`,
    tags: [{ name: "category", value: "daily-digest" }],
  };
}

/**
 * Emails the coach once a day (UTC) when any feature has something for them. The day's row is
 * taken before sending, so two workers send one digest; it is given back if the send fails.
 */
export async function sendDailyDigest(
  db: Db,
  mailer: DeliveryMailer,
  settings: DigestSettings,
  { now = new Date(), timeoutMs = timing.callInPassMs }: { now?: Date; timeoutMs?: number } = {},
): Promise<DigestResult> {
  const period = {
    now,
    since: new Date(now.getTime() - (settings.lookbackDays ?? 7) * 24 * 60 * 60_000),
    language: siteConfig.coachLanguage,
  };
  const sections = (await Promise.all(digestParts.map((part) => part(db, period)))).flat();
  if (sections.length === 0) return "nothing-to-report";
  const counted = (key: string) => sections.find((section) => section.key === key)?.entries.length ?? 0;

  const day = now.toISOString().slice(0, 10);
  const taken = await db
    .insert(digests)
    .values({ day, sentAt: now, heldCount: counted("held"), failedCount: counted("failed") })
    .onConflictDoNothing()
    .returning();
  if (taken.length === 0) return "already-sent";

  try {
    await sendWithTimeout(
      mailer,
      { ...digestEmail(sections, settings), idempotencyKey: `digest-${day}` },
      timeoutMs,
    );
    return "sent";
  } catch (error) {
    console.error(`[jobs] daily digest not sent: ${describeError(error)}`);
    await db.delete(digests).where(eq(digests.day, day));
    return "send-failed";
  }
}
