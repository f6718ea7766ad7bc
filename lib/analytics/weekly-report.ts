import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { analyticsReports, type StoredEmail } from "@/lib/db/schema";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { formatDate, type Language } from "@/lib/i18n/languages";
import { describeError, sendWithTimeout, type DeliveryMailer } from "@/lib/mail/send";
import { timing } from "@/lib/mail/timing";
import { readStats, vitalNames, type Stats } from "@/lib/analytics/stats";
import { utcDay } from "@/lib/analytics/visitor";

export type WeeklyReportSettings = {
  from: string;
  /** The coach's address. */
  to: string;
  siteName: string;
  /** The coach's language (siteConfig.coachLanguage). */
  language: Language;
};

export type WeeklyReportResult = "sent" | "not-monday" | "already-sent" | "send-failed";

const DAY_MS = 86_400_000;
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The Monday (UTC) of `now`'s week: the report's key. */
export const weekOf = (now: Date) => utcDay(new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * DAY_MS));

/** A bar as email clients draw it: a table cell with a background, no image, no CSS class. */
function bar(value: number, max: number, colour: string) {
  const width = max > 0 ? Math.max(1, Math.round((value / max) * 200)) : 1;
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td width="${width}" height="12" bgcolor="${colour}" style="background:${colour};font-size:0;line-height:0">&nbsp;</td>` +
    `</tr></table>`
  );
}

const cell = (content: string, align = "left") =>
  `<td align="${align}" style="padding:4px 8px;border-bottom:1px solid #e5e5e5;font:14px/1.4 Arial,sans-serif">${content}</td>`;
const head = (content: string, align = "left") =>
  `<th align="${align}" style="padding:4px 8px;border-bottom:2px solid #ccc;font:bold 13px/1.4 Arial,sans-serif">${content}</th>`;
const table = (rows: string[]) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;margin:0 0 20px">${rows.join("")}</table>`;
const heading = (text: string) =>
  `<h2 style="font:bold 16px/1.3 Arial,sans-serif;margin:24px 0 8px">${escapeHtml(text)}</h2>`;

/**
 * The weekly report as an email: the last 7 days against the 7 before, with bars drawn as table
 * cells (readable in Gmail and Apple Mail), in the coach's language. With no data, it says so.
 */
export function weeklyReportEmail(
  current: Stats,
  previous: Stats,
  settings: WeeklyReportSettings,
): StoredEmail {
  const words = dictionary(settings.language).emails.weeklyReport;
  const dates = {
    from: formatDate(current.period.from, settings.language),
    to: formatDate(current.period.to, settings.language),
    practice: settings.siteName,
  };
  const lines: string[] = [fill(words.heading, dates), words.intro, ""];
  const html: string[] = [
    `<h1 style="font:bold 20px/1.3 Arial,sans-serif;margin:0 0 8px">${escapeHtml(fill(words.heading, dates))}</h1>`,
    `<p style="font:14px/1.5 Arial,sans-serif;color:#444">${escapeHtml(words.intro)}</p>`,
  ];
  const empty = current.pageViews === 0 && previous.pageViews === 0 && current.conversions.total === 0;
  if (empty) {
    lines.push(words.empty);
    html.push(`<p style="font:14px/1.5 Arial,sans-serif">${escapeHtml(words.empty)}</p>`);
  } else {
    const figures: [string, number, number][] = [
      [words.visitors, current.visitors, previous.visitors],
      [words.pageViews, current.pageViews, previous.pageViews],
      [words.inquiries, current.conversions.inquiry, previous.conversions.inquiry],
      [words.signups, current.conversions.signup, previous.conversions.signup],
      [words.confirmed, current.conversions.confirmed, previous.conversions.confirmed],
      [words.bookings, current.conversions.booking, previous.conversions.booking],
    ];
    const max = Math.max(1, ...figures.flatMap(([, a, b]) => [a, b]));
    html.push(
      table([
        `<tr>${head("")}${head(words.thisWeek, "right")}${head("")}${head(words.weekBefore, "right")}${head("")}</tr>`,
        ...figures.map(
          ([label, now, before]) =>
            `<tr>${cell(escapeHtml(label))}${cell(String(now), "right")}${cell(bar(now, max, "#2f6f5e"))}` +
            `${cell(String(before), "right")}${cell(bar(before, max, "#b9c7c2"))}</tr>`,
        ),
      ]),
    );
    lines.push(...figures.map(([label, now, before]) => `${label}: ${now} (${words.weekBefore}: ${before})`));

    const section = (
      title: string,
      label: string,
      entries: { name: string; value: number; extra?: string }[],
    ) => {
      if (entries.length === 0) return;
      const top = Math.max(1, ...entries.map((entry) => entry.value));
      html.push(
        heading(title),
        table([
          `<tr>${head(label)}${head(words.visitors, "right")}${head("")}</tr>`,
          ...entries.map(
            (entry) =>
              `<tr>${cell(escapeHtml(entry.name) + (entry.extra ? ` <span style="color:#666">${escapeHtml(entry.extra)}</span>` : ""))}` +
              `${cell(String(entry.value), "right")}${cell(bar(entry.value, top, "#2f6f5e"))}</tr>`,
          ),
        ]),
      );
      lines.push(
        "",
        `${title}:`,
        ...entries.map((entry) => `  ${entry.name}: ${entry.value}${entry.extra ? ` ${entry.extra}` : ""}`),
      );
    };
    section(
      words.topPages,
      words.page,
      current.topPages
        .slice(0, 5)
        .map((page) => ({ name: page.path, value: page.visitors, extra: `${page.views} ${words.views}` })),
    );
    section(
      words.topSources,
      words.source,
      current.topSources.slice(0, 5).map((source) => ({ name: source.source, value: source.visitors })),
    );
    const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
    section(
      words.bySource,
      words.source,
      current.conversionsBySource.slice(0, 5).map((row) => ({
        name: row.source,
        value: row.visitors,
        extra: `${words.conversions}: ${row.conversions}, ${words.rate} ${percent(row.rate)}`,
      })),
    );
    section(
      words.byLandingPage,
      words.page,
      current.conversionsByLandingPage.slice(0, 5).map((row) => ({
        name: row.path,
        value: row.visitors,
        extra: `${words.conversions}: ${row.conversions}, ${words.rate} ${percent(row.rate)}`,
      })),
    );
    const vitals = current.webVitals.slice(0, 5);
    if (vitals.length > 0) {
      const shown = (name: (typeof vitalNames)[number], page: (typeof vitals)[number]) => {
        const vital = page[name];
        if (!vital) return "–";
        const value = name === "cls" ? vital.p75.toFixed(2) : `${vital.p75} ms`;
        return `${value} (${words.ratings[vital.rating]})`;
      };
      html.push(
        heading(words.webVitals),
        table([
          `<tr>${head(words.page)}${["LCP", "INP", "CLS"].map((name) => head(name, "right")).join("")}</tr>`,
          ...vitals.map(
            (page) =>
              `<tr>${cell(escapeHtml(page.path))}${(["lcp", "inp", "cls"] as const)
                .map((name) => cell(escapeHtml(shown(name, page)), "right"))
                .join("")}</tr>`,
          ),
        ]),
      );
      lines.push(
        "",
        `${words.webVitals}:`,
        ...vitals.map(
          (page) =>
            `  ${page.path}: LCP ${shown("lcp", page)}, INP ${shown("inp", page)}, CLS ${shown("cls", page)}`,
        ),
      );
    }
  }
  lines.push("", words.footer);
  html.push(
    `<p style="font:12px/1.5 Arial,sans-serif;color:#666;margin-top:24px">${escapeHtml(words.footer)}</p>`,
  );
  return {
    from: settings.from,
    to: settings.to,
    subject: fill(words.subject, dates),
    text: lines.join("\n"),
    html: `<!doctype html><html lang="${settings.language}"><body style="margin:0;padding:16px;background:#fff;color:#1a1a1a"><div style="max-width:640px">${html.join("")}</div></body></html>`,
    tags: [{ name: "category", value: "weekly-report" }],
  };
}

/**
 * On Mondays (UTC), emails the coach the last 7 days against the 7 before, once a week whoever
 * runs the worker: the week's row is taken before sending and given back if the send fails,
 * and the send carries an idempotency key (as the daily digest does).
 */
export async function sendWeeklyReport(
  db: Db,
  mailer: DeliveryMailer,
  settings: WeeklyReportSettings,
  { now = new Date(), timeoutMs = timing.callInPassMs }: { now?: Date; timeoutMs?: number } = {},
): Promise<WeeklyReportResult> {
  if (now.getUTCDay() !== 1) return "not-monday";
  const week = weekOf(now);
  const taken = await db
    .insert(analyticsReports)
    .values({ week, sentAt: now })
    .onConflictDoNothing()
    .returning();
  if (taken.length === 0) return "already-sent";
  try {
    const yesterday = new Date(now.getTime() - DAY_MS);
    const current = await readStats(db, { days: 7, now: yesterday });
    const previous = await readStats(db, { days: 7, now: new Date(yesterday.getTime() - 7 * DAY_MS) });
    await sendWithTimeout(
      mailer,
      { ...weeklyReportEmail(current, previous, settings), idempotencyKey: `weekly-report-${week}` },
      timeoutMs,
    );
    return "sent";
  } catch (error) {
    console.error(`[analytics] weekly report not sent: ${describeError(error)}`);
    await db.delete(analyticsReports).where(eq(analyticsReports.week, week));
    return "send-failed";
  }
}
