// @vitest-environment node
// First-party analytics (issue 24): the daily salt and visitor hash, the bot filter, the
// beacon's events through the ingest (origin, body, pages, batching), conversions attributed to
// the landing page and source, rollups and retention, the JSON of `stats`, the weekly report.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import type { DatabaseConnection } from "@/lib/db/client";
import { analyticsConversions, analyticsPageViews, analyticsSalts } from "@/lib/db/schema";
import { notBackedUp } from "@/lib/db/backup";
import { schema } from "@/lib/db/schema";
import { eventsWritten, flushEvents } from "@/lib/analytics/buffer";
import { attribution, recordConversion } from "@/lib/analytics/conversions";
import { pageOrigin, parseBeaconEvent, sourceOf } from "@/lib/analytics/event";
import { ingestEvent, type IngestOptions } from "@/lib/analytics/ingest";
import { readStats, rate } from "@/lib/analytics/stats";
import { analyticsUpkeep, deleteOldEvents, retentionCutoff, rollUpDays } from "@/lib/analytics/tasks";
import {
  dailySalt,
  deleteOldSalts,
  deviceClass,
  forgetSalt,
  isBot,
  visitorHash,
} from "@/lib/analytics/visitor";
import { sendWeeklyReport, weekOf, weeklyReportEmail } from "@/lib/analytics/weekly-report";
import type { OutgoingEmail } from "@/lib/mail/mailer";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const chrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const iphone =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const origin = "http://localhost:3000";
const pages = new Set(["/", "/contact", "/vp-engineering-coaching", "/de", "/de/kontakt"]);

let addressRound = 0;

describe("the visitor hash", () => {
  it("changes with the salt, the address and the user agent, and never contains them", () => {
    const visitor = { clientAddress: "203.0.113.7", userAgent: chrome };
    const hash = visitorHash("salt-a", "example.com", visitor);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(visitorHash("salt-a", "example.com", visitor)).toBe(hash);
    expect(visitorHash("salt-b", "example.com", visitor)).not.toBe(hash);
    expect(visitorHash("salt-a", "example.com", { ...visitor, clientAddress: "203.0.113.8" })).not.toBe(hash);
    expect(visitorHash("salt-a", "example.com", { ...visitor, userAgent: iphone })).not.toBe(hash);
    expect(hash).not.toContain("203");
  });

  it("drops known bots and requests without a user agent", () => {
    expect(isBot(chrome)).toBe(false);
    expect(isBot(iphone)).toBe(false);
    expect(isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(
      isBot(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe(true);
    expect(isBot("curl/8.5.0")).toBe(true);
    expect(isBot("")).toBe(true);
  });

  it("classes devices coarsely from the User-Agent", () => {
    expect(deviceClass(chrome)).toBe("desktop");
    expect(deviceClass(iphone)).toBe("mobile");
    expect(deviceClass("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)")).toBe("tablet");
  });

  it("keeps the salt table out of backups", () => {
    expect(notBackedUp.has(schema.analyticsSalts)).toBe(true);
  });
});

describe("the beacon's event", () => {
  it("keeps the path, UTM and ref only, and the referrer's host unless it is ours", () => {
    expect(
      pageOrigin(
        "/contact/?utm_source=LinkedIn&utm_medium=social&token=secret&email=a%40b.c",
        "https://www.linkedin.com/feed/",
        ["localhost"],
      ),
    ).toEqual({
      path: "/contact",
      referrerHost: "linkedin.com",
      utmSource: "linkedin",
      utmMedium: "social",
      utmCampaign: "",
    });
    expect(pageOrigin("/?ref=producthunt", "http://localhost:3000/faq", ["localhost"])).toMatchObject({
      referrerHost: "",
      utmSource: "producthunt",
    });
    expect(sourceOf({ utmSource: "", referrerHost: "google.com" })).toBe("google.com");
    expect(sourceOf({ utmSource: "", referrerHost: "" })).toBe("direct");
  });

  it("accepts one valid event and nothing else", () => {
    expect(parseBeaconEvent('{"k":"v","i":"abcdefghijklmnopqr","u":"/"}')).toMatchObject({ k: "v", r: "" });
    expect(parseBeaconEvent("not json")).toBeUndefined();
    expect(parseBeaconEvent('{"k":"x","i":"abcdefghijklmnopqr","u":"/"}')).toBeUndefined();
    expect(parseBeaconEvent('{"k":"v","i":"short","u":"/"}')).toBeUndefined();
    expect(parseBeaconEvent('{"k":"e","i":"abcdefghijklmnopqr","u":"/","m":{"lcp":-1}}')).toBeUndefined();
  });

  it("rates Web Vitals in Google's bands", () => {
    expect(rate("lcp", 2500)).toBe("good");
    expect(rate("lcp", 2501)).toBe("needs-improvement");
    expect(rate("inp", 501)).toBe("poor");
    expect(rate("cls", 0.05)).toBe("good");
  });
});

describe.each(backends)("analytics in the store (%s)", (backend) => {
  let database: TestDatabase;
  let connection: DatabaseConnection;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    connection = database.connect();
    db = connection.db;
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.truncate();
    await db.delete(analyticsPageViews);
    await db.delete(analyticsConversions);
    await db.delete(analyticsSalts);
    forgetSalt();
  });

  let views = 0;
  const event = (kind: "v" | "e" | "b", url: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ k: kind, i: `view${String(++views).padStart(14, "0")}`, u: url, ...extra });
  const options = (now: Date): IngestOptions => ({
    db: async () => db,
    allowedOrigins: [origin],
    isPage: (path) => pages.has(path),
    now,
  });
  const reader = (address: string, userAgent = chrome) => ({ origin, clientAddress: address, userAgent });

  it("makes one salt a day, shared, and deletes yesterday's", async () => {
    const monday = new Date("2026-12-07T10:00:00Z");
    const salt = await dailySalt(db, monday);
    forgetSalt();
    expect(await dailySalt(db, monday)).toBe(salt);
    const tuesday = new Date("2026-12-08T00:00:01Z");
    expect(await dailySalt(db, tuesday)).not.toBe(salt);
    expect(await deleteOldSalts(db, tuesday)).toBe(1);
    expect((await db.select().from(analyticsSalts)).map((row) => row.day)).toEqual(["2026-12-08"]);
  });

  it("refuses a foreign origin, drops bots and paths that are not pages, and writes views in one batch", async () => {
    const now = new Date();
    expect(
      await ingestEvent(
        event("v", "/"),
        { ...reader("203.0.113.1"), origin: "https://evil.example" },
        options(now),
      ),
    ).toBe("forbidden");
    expect(await ingestEvent(event("v", "/"), reader("203.0.113.1", "Googlebot/2.1"), options(now))).toBe(
      "bot",
    );
    expect(
      await ingestEvent(event("v", "/newsletter/confirm?token=abc"), reader("203.0.113.1"), options(now)),
    ).toBe("not-a-page");
    expect(await ingestEvent("{", reader("203.0.113.1"), options(now))).toBe("invalid");

    const id = "samepageview000001";
    expect(
      await ingestEvent(
        JSON.stringify({ k: "v", i: id, u: "/?utm_source=newsletter", r: "" }),
        reader("203.0.113.1"),
        options(now),
      ),
    ).toBe("accepted");
    expect(await ingestEvent(event("v", "/contact"), reader("203.0.113.1"), options(now))).toBe("accepted");
    // Nothing is written before the batch is due.
    expect(await db.select().from(analyticsPageViews)).toHaveLength(0);
    await eventsWritten();
    expect(await db.select().from(analyticsPageViews)).toHaveLength(2);
    // The view's end fills in its row: time on page and Web Vitals.
    const end = JSON.stringify({
      k: "e",
      i: id,
      u: "/?utm_source=newsletter",
      d: 5400,
      m: { lcp: 1200.4, inp: 88, cls: 0.01, ttfb: 90 },
    });
    expect(await ingestEvent(end, reader("203.0.113.1"), options(now))).toBe("accepted");
    await flushEvents();
    const rows = await db.select().from(analyticsPageViews);
    const first = rows.find((row) => row.viewId === id)!;
    expect(first).toMatchObject({
      path: "/",
      utmSource: "newsletter",
      durationMs: 5400,
      lcpMs: 1200,
      inpMs: 88,
      device: "desktop",
      language: "en",
    });
    expect(new Set(rows.map((row) => row.visitor)).size).toBe(1);
    // No address or user agent in what is stored.
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|Chrome/);
  });

  it("rate-limits per client address in memory", async () => {
    // The limiter is the process's: each backend's run counts from addresses of its own.
    const [busy, other] = [`198.51.${++addressRound}.9`, `198.51.${addressRound}.10`];
    const now = new Date();
    const outcomes = [];
    for (let index = 0; index < 125; index++) {
      outcomes.push(await ingestEvent(event("v", "/"), reader(busy), options(now)));
    }
    expect(outcomes.filter((outcome) => outcome === "limited").length).toBe(5);
    expect(await ingestEvent(event("v", "/"), reader(other), options(now))).toBe("accepted");
    await flushEvents();
  });

  it("attributes a conversion to the visitor's landing page and source of the day", async () => {
    const now = new Date();
    const visitor = reader("192.0.2.44", iphone);
    await ingestEvent(
      event("v", "/vp-engineering-coaching?utm_source=linkedin&utm_medium=social", {
        r: "https://www.linkedin.com/",
      }),
      visitor,
      options(now),
    );
    await ingestEvent(
      event("v", "/contact", { r: `${origin}/vp-engineering-coaching` }),
      visitor,
      options(new Date(now.getTime() + 1000)),
    );
    // Still buffered: the conversion writes it first.
    expect(
      await recordConversion(db, "inquiry", visitor, { language: "en", now: new Date(now.getTime() + 2000) }),
    ).toBe(true);
    // A reader without a page view (no JavaScript) is counted, unattributed.
    expect(await recordConversion(db, "signup", reader("192.0.2.45"), { language: "de", now })).toBe(true);
    // Outside a request, or from a bot: nothing.
    expect(await recordConversion(db, "signup", undefined, { language: "en", now })).toBe(false);
    expect(
      await recordConversion(db, "signup", reader("192.0.2.46", "Googlebot"), { language: "en", now }),
    ).toBe(false);
    const rows = await db.select().from(analyticsConversions);
    expect(
      rows
        .map(({ kind, landingPath, source, utmMedium }) => ({ kind, landingPath, source, utmMedium }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: "inquiry", landingPath: "/vp-engineering-coaching", source: "linkedin", utmMedium: "social" },
      { kind: "signup", landingPath: "", source: "direct", utmMedium: "" },
    ]);
    const booking = await ingestEvent(event("b", "/contact"), visitor, options(now));
    expect(booking).toBe("accepted");
    expect(await attribution(db, now.toISOString().slice(0, 10), "nobody")).toMatchObject({
      source: "direct",
    });

    const stats = await readStats(db, { days: 1, now });
    expect(Object.keys(stats)).toEqual([
      "period",
      "visitors",
      "pageViews",
      "topPages",
      "topSources",
      "campaigns",
      "conversions",
      "conversionsBySource",
      "conversionsByLandingPage",
      "newsletter",
      "webVitals",
    ]);
    expect(stats).toMatchObject({
      visitors: 1,
      pageViews: 2,
      conversions: { inquiry: 1, signup: 1, booking: 1, total: 3 },
    });
    expect(stats.conversionsBySource[0]).toMatchObject({
      source: "linkedin",
      visitors: 1,
      inquiry: 1,
      booking: 1,
      conversions: 2,
      rate: 2,
    });
    expect(stats.conversionsByLandingPage).toContainEqual(
      expect.objectContaining({ path: "/vp-engineering-coaching", inquiry: 1 }),
    );
    expect(stats.campaigns).toEqual([{ source: "linkedin", medium: "social", campaign: "", visitors: 1 }]);
  });

  it("rolls finished days up, keeps them after the raw events go, and reads both", async () => {
    const old = new Date("2025-01-15T12:00:00Z");
    const visitor = reader("192.0.2.60");
    await ingestEvent(event("v", "/?utm_source=podcast"), visitor, options(old));
    await ingestEvent(event("e", "/", { d: 1000, m: { lcp: 1500 } }), visitor, options(old));
    await ingestEvent(event("v", "/contact"), visitor, options(new Date(old.getTime() + 60_000)));
    await flushEvents();
    await recordConversion(db, "inquiry", visitor, {
      language: "en",
      now: new Date(old.getTime() + 120_000),
    });

    const now = new Date("2026-03-01T08:00:00Z");
    const before = await readStats(db, { days: 60, now: new Date("2025-02-01T00:00:00Z") });
    expect(await rollUpDays(db, now)).toBe(1);
    expect(await rollUpDays(db, now)).toBe(0);
    expect(retentionCutoff(13, now)).toBe("2025-02-01");
    expect(await deleteOldEvents(db, 13, now)).toEqual({ views: 3, conversions: 1 });
    const after = await readStats(db, { days: 60, now: new Date("2025-02-01T00:00:00Z") });
    expect(after).toMatchObject({
      visitors: before.visitors,
      pageViews: before.pageViews,
      conversions: before.conversions,
      topPages: before.topPages,
      conversionsBySource: before.conversionsBySource,
    });
    expect(after.conversionsBySource[0]).toMatchObject({ source: "podcast", inquiry: 1 });
    expect(await analyticsUpkeep(db, 13, now)).toMatchObject({ daysRolledUp: 0 });
  });

  it("sends the weekly report on Mondays, once a week, with data and with none", async () => {
    const sent: OutgoingEmail[] = [];
    const mailer = { send: async (email: OutgoingEmail) => (sent.push(email), { id: String(sent.length) }) };
    const settings = {
      from: "site@example.com",
      to: "coach@example.com",
      siteName: "Alex Brandt Coaching",
      language: "de" as const,
    };
    const monday = new Date("2026-12-07T06:00:00Z");
    expect(weekOf(monday)).toBe("2026-12-07");
    expect(weekOf(new Date("2026-12-13T23:00:00Z"))).toBe("2026-12-07");
    expect(await sendWeeklyReport(db, mailer, settings, { now: new Date("2026-12-08T06:00:00Z") })).toBe(
      "not-monday",
    );

    expect(await sendWeeklyReport(db, mailer, settings, { now: monday })).toBe("sent");
    expect(await sendWeeklyReport(db, mailer, settings, { now: new Date(monday.getTime() + 60_000) })).toBe(
      "already-sent",
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain("deine Woche");
    expect(sent[0]!.text).toContain("keine Besuche");
    expect(sent[0]!.idempotencyKey).toBe("weekly-report-2026-12-07");

    const visitor = reader("192.0.2.70");
    const lastWeek = new Date("2026-12-03T10:00:00Z");
    await ingestEvent(event("v", "/?utm_source=linkedin"), visitor, options(lastWeek));
    await ingestEvent(
      event("e", "/", { d: 1000, m: { lcp: 1800, inp: 120, cls: 0.02 } }),
      visitor,
      options(lastWeek),
    );
    await flushEvents();
    await recordConversion(db, "inquiry", visitor, { language: "en", now: lastWeek });
    const current = await readStats(db, { days: 7, now: new Date("2026-12-06T12:00:00Z") });
    const previous = await readStats(db, { days: 7, now: new Date("2026-11-29T12:00:00Z") });
    const english = weeklyReportEmail(current, previous, { ...settings, language: "en" });
    expect(english.subject).toBe("Alex Brandt Coaching: your week, 30 November 2026 to 6 December 2026");
    expect(english.text).toContain("Inquiries: 1 (Week before: 0)");
    expect(english.text).toContain("linkedin");
    expect(english.html).toContain('bgcolor="#2f6f5e"');
    expect(english.html).toContain("1800 ms (good)");
    expect(english.html).not.toMatch(/<script|<img|class=/);

    expect(await sendWeeklyReport(db, mailer, settings, { now: new Date("2026-12-14T06:00:00Z") })).toBe(
      "sent",
    );
    expect(sent[1]!.text).toContain("Anfragen: 0 (Woche davor: 1)");
  });
});
