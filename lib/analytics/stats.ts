import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/analytics/visitor";

export const conversionKinds = ["inquiry", "signup", "confirmed", "booking"] as const;
export type ConversionCounts = Record<(typeof conversionKinds)[number], number>;

export type Rating = "good" | "needs-improvement" | "poor";
export type Vital = { p75: number; rating: Rating } | null;
export const vitalNames = ["lcp", "inp", "cls", "fcp", "ttfb"] as const;
export type VitalName = (typeof vitalNames)[number];

/** Google's bands (web.dev/vitals): at or under the first is good, over the second poor. */
export const vitalBands: Record<VitalName, [number, number]> = {
  lcp: [2500, 4000],
  inp: [200, 500],
  cls: [0.1, 0.25],
  fcp: [1800, 3000],
  ttfb: [800, 1800],
};

export function rate(name: VitalName, value: number): Rating {
  const [good, poor] = vitalBands[name];
  return value <= good ? "good" : value <= poor ? "needs-improvement" : "poor";
}

export type Attributed = ConversionCounts & { visitors: number; conversions: number; rate: number };

/**
 * What `npm run stats -- --json` prints, in this shape (docs/analytics.md); the keys are stable.
 * Counts cover `period` (UTC days, `to` included); `visitors` is the sum of each day's unique
 * visitors (the hash changes every day); `rate` is conversions per visitor who landed there.
 */
export type Stats = {
  period: { from: string; to: string; days: number };
  visitors: number;
  pageViews: number;
  topPages: { path: string; views: number; visitors: number }[];
  topSources: { source: string; visitors: number }[];
  campaigns: { source: string; medium: string; campaign: string; visitors: number }[];
  conversions: ConversionCounts & { total: number; rate: number };
  conversionsBySource: ({ source: string } & Attributed)[];
  conversionsByLandingPage: ({ path: string } & Attributed)[];
  newsletter: { signups: number; confirmed: number; left: number; subscribers: number };
  webVitals: ({ path: string; samples: number } & Record<VitalName, Vital>)[];
};

const DAY_MS = 86_400_000;

/** The last `days` UTC days up to and including `now`'s. */
export function periodOf(days: number, now = new Date()) {
  return { from: utcDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: utcDay(now), days };
}

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL) => (await db.execute(query)).rows as Row[];
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Every figure for the period. Raw page views and conversions are read where they are kept;
 * days before the retention cut-off come from the daily rollups (views, visitors, sources,
 * conversions; Web Vitals only while the raw views are kept).
 */
export async function readStats(
  db: Db,
  { days = 30, now = new Date(), top = 10 }: { days?: number; now?: Date; top?: number } = {},
): Promise<Stats> {
  const period = periodOf(days, now);
  const inPeriod = sql`day between ${period.from} and ${period.to}`;
  // A day is read from the rollup once its raw views are gone: rolled up and no raw row left.
  const rolledOnly = sql`${inPeriod} and day < coalesce((select min(day) from analytics_page_views), '9999-12-31')`;
  const raw = sql`${inPeriod} and day >= coalesce((select min(day) from analytics_page_views), '9999-12-31')`;

  const pages = await rows(
    db,
    sql`select path, sum(views)::int as views, sum(visitors)::int as visitors from (
          select path, count(*) as views, count(distinct (day, visitor)) as visitors
            from analytics_page_views where ${raw} group by path
          union all
          select path, sum(views), sum(visitors) from analytics_daily_pages where ${rolledOnly} group by path
        ) p group by path order by views desc, path`,
  );
  const [totals] = await rows(
    db,
    sql`select coalesce(sum(views), 0)::int as views, coalesce(sum(visitors), 0)::int as visitors from (
          select count(*) as views, count(distinct (day, visitor)) as visitors from analytics_page_views where ${raw}
          union all
          select sum(views), sum(landings) from analytics_daily_pages where ${rolledOnly}
        ) t`,
  );

  // Each visitor's landing (first view of the day) with its source, and their conversions.
  const landings = sql`select distinct on (day, visitor) day, visitor, path,
      coalesce(nullif(utm_source, ''), nullif(referrer_host, ''), 'direct') as source, utm_medium, utm_campaign
    from analytics_page_views where ${raw} order by day, visitor, at`;
  const sourceRows = await rows(
    db,
    sql`select source, landing_path as path, kind, sum(count)::int as count from (
          select source, path as landing_path, 'visit' as kind, count(*) as count from (${landings}) l
            group by source, path
          union all
          select source, landing_path, kind::text, count(*) from analytics_conversions where ${raw}
            group by source, landing_path, kind
          union all
          select source, landing_path, kind, sum(count) from analytics_daily_sources where ${rolledOnly}
            group by source, landing_path, kind
        ) s group by source, landing_path, kind`,
  );
  const campaigns = await rows(
    db,
    sql`select source, utm_medium as medium, utm_campaign as campaign, count(*)::int as visitors
          from (${landings}) l where utm_medium <> '' or utm_campaign <> ''
          group by source, utm_medium, utm_campaign order by visitors desc, source limit ${top}`,
  );

  const bySource = attribute(sourceRows, "source");
  const byLanding = attribute(sourceRows, "path");
  const conversions = emptyCounts();
  for (const row of sourceRows) {
    if (row.kind !== "visit") conversions[row.kind as keyof ConversionCounts] += num(row.count);
  }
  const conversionTotal = conversionKinds.reduce((sum, kind) => sum + conversions[kind], 0);
  const landedVisitors = sourceRows
    .filter((row) => row.kind === "visit")
    .reduce((sum, row) => sum + num(row.count), 0);

  const [newsletter] = await rows(
    db,
    sql`select
          (select count(*) from analytics_conversions where ${inPeriod} and kind = 'signup')::int as signups,
          (select count(*) from subscribers where confirmed_at >= ${period.from}::date
             and confirmed_at < ${period.to}::date + 1)::int as confirmed,
          (select count(*) from subscribers where left_at >= ${period.from}::date
             and left_at < ${period.to}::date + 1)::int as left,
          (select count(*) from subscribers where status = 'confirmed')::int as subscribers`,
  );

  const vitals = await rows(
    db,
    sql`select path, count(*)::int as samples,
          percentile_disc(0.75) within group (order by lcp_ms) as lcp,
          percentile_disc(0.75) within group (order by inp_ms) as inp,
          percentile_disc(0.75) within group (order by cls) as cls,
          percentile_disc(0.75) within group (order by fcp_ms) as fcp,
          percentile_disc(0.75) within group (order by ttfb_ms) as ttfb
        from analytics_page_views
        where ${inPeriod} and (lcp_ms is not null or inp_ms is not null or cls is not null or ttfb_ms is not null)
        group by path order by samples desc, path`,
  );

  return {
    period,
    visitors: num(totals?.visitors),
    pageViews: num(totals?.views),
    topPages: pages.slice(0, top).map((row) => ({
      path: String(row.path),
      views: num(row.views),
      visitors: num(row.visitors),
    })),
    topSources: bySource.slice(0, top).map(({ source, visitors }) => ({ source, visitors })),
    campaigns: campaigns.map((row) => ({
      source: String(row.source),
      medium: String(row.medium),
      campaign: String(row.campaign),
      visitors: num(row.visitors),
    })),
    conversions: {
      ...conversions,
      total: conversionTotal,
      rate: landedVisitors ? round(conversionTotal / landedVisitors) : 0,
    },
    conversionsBySource: bySource.filter((row) => row.conversions > 0).slice(0, top),
    conversionsByLandingPage: byLanding
      .filter((row) => row.conversions > 0)
      .slice(0, top)
      .map(({ source, ...row }) => ({ path: source, ...row })),
    newsletter: {
      signups: num(newsletter?.signups),
      confirmed: num(newsletter?.confirmed),
      left: num(newsletter?.left),
      subscribers: num(newsletter?.subscribers),
    },
    webVitals: vitals.slice(0, top).map((row) => ({
      path: String(row.path),
      samples: num(row.samples),
      ...(Object.fromEntries(
        vitalNames.map((name) => {
          const value = row[name];
          if (value === null || value === undefined) return [name, null];
          const p75 = name === "cls" ? round(Number(value), 3) : Math.round(Number(value));
          return [name, { p75, rating: rate(name, p75) }];
        }),
      ) as Record<VitalName, Vital>),
    })),
  };
}

const emptyCounts = (): ConversionCounts => ({ inquiry: 0, signup: 0, confirmed: 0, booking: 0 });

/** Visitors who landed and conversions, summed by source or by landing page, most visitors first. */
function attribute(sourceRows: Row[], key: "source" | "path"): ({ source: string } & Attributed)[] {
  const groups = new Map<string, { source: string } & Attributed>();
  for (const row of sourceRows) {
    const name = String(row[key] ?? "") || (key === "path" ? "(no page view)" : "direct");
    const group = groups.get(name) ?? {
      source: name,
      visitors: 0,
      ...emptyCounts(),
      conversions: 0,
      rate: 0,
    };
    if (row.kind === "visit") group.visitors += num(row.count);
    else {
      group[row.kind as keyof ConversionCounts] += num(row.count);
      group.conversions += num(row.count);
    }
    groups.set(name, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, rate: group.visitors ? round(group.conversions / group.visitors) : 0 }))
    .sort(
      (a, b) => b.visitors - a.visitors || b.conversions - a.conversions || a.source.localeCompare(b.source),
    );
}
