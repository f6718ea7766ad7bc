import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deleteOldSalts, utcDay } from "@/lib/analytics/visitor";

/**
 * Rolls every finished UTC day (before today) that has raw events and no rollup yet into
 * `analytics_daily_pages` (views, visitors, landings, Web Vitals at p75 per page) and
 * `analytics_daily_sources` (visitors who landed and conversions by source, landing page and
 * kind). Idempotent: a day is rolled up once, in one transaction.
 */
export async function rollUpDays(db: Db, now = new Date()): Promise<number> {
  const today = utcDay(now);
  return db.transaction(async (tx) => {
    const pending = (
      await tx.execute(
        sql`select distinct day::text as day from (
              select day from analytics_page_views where day < ${today}
              union select day from analytics_conversions where day < ${today}
            ) d
            where day not in (select day from analytics_daily_pages)
              and day not in (select day from analytics_daily_sources)
            order by day limit 400`,
      )
    ).rows.map((row) => String(row.day));
    if (pending.length === 0) return 0;
    const days = sql`(${sql.join(
      pending.map((day) => sql`${day}::date`),
      sql`, `,
    )})`;
    const landings = sql`select distinct on (day, visitor) day, visitor, path,
        coalesce(nullif(utm_source, ''), nullif(referrer_host, ''), 'direct') as source
      from analytics_page_views where day in ${days} order by day, visitor, at`;
    await tx.execute(sql`insert into analytics_daily_sources (day, source, landing_path, kind, count)
      select day, source, landing_path, kind, sum(count)::int from (
        select day, source, path as landing_path, 'visit' as kind, count(*) as count from (${landings}) l
          group by day, source, path
        union all
        select day, source, landing_path, kind::text, count(*) from analytics_conversions
          where day in ${days} group by day, source, landing_path, kind
      ) s group by day, source, landing_path, kind
      on conflict do nothing`);
    await tx.execute(sql`insert into analytics_daily_pages
        (day, path, views, visitors, landings, lcp_p75, inp_p75, cls_p75, fcp_p75, ttfb_p75)
      select v.day, v.path, count(*)::int, count(distinct v.visitor)::int,
        (select count(*) from (${landings}) l where l.day = v.day and l.path = v.path)::int,
        percentile_disc(0.75) within group (order by v.lcp_ms),
        percentile_disc(0.75) within group (order by v.inp_ms),
        percentile_disc(0.75) within group (order by v.cls),
        percentile_disc(0.75) within group (order by v.fcp_ms),
        percentile_disc(0.75) within group (order by v.ttfb_ms)
      from analytics_page_views v where v.day in ${days} group by v.day, v.path
      on conflict do nothing`);
    return pending.length;
  });
}

/** The first day whose raw events are kept: `months` calendar months before today (UTC). */
export function retentionCutoff(months: number, now = new Date()): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return utcDay(cutoff);
}

/**
 * Deletes raw page views and conversions older than `months`, only for days already rolled
 * up (so the daily figures survive), at most `limit` rows a table a pass.
 */
export async function deleteOldEvents(db: Db, months: number, now = new Date(), limit = 5000) {
  const cutoff = retentionCutoff(months, now);
  const rolled = sql`(select day from analytics_daily_pages union select day from analytics_daily_sources)`;
  const views = await db.execute(
    sql`delete from analytics_page_views where view_id in (
          select view_id from analytics_page_views where day < ${cutoff} and day in ${rolled} limit ${limit})`,
  );
  const conversions = await db.execute(
    sql`delete from analytics_conversions where id in (
          select id from analytics_conversions where day < ${cutoff} and day in ${rolled} limit ${limit})`,
  );
  return { views: views.rowCount ?? 0, conversions: conversions.rowCount ?? 0 };
}

const upkeptOn = new WeakMap<Db, string>();

/**
 * The worker's analytics upkeep, once a UTC day per process (the salt's deletion on every pass):
 * yesterday's salt goes, finished days are rolled up, events past the retention go.
 */
export async function analyticsUpkeep(db: Db, retentionMonths: number, now = new Date()) {
  const salts = await deleteOldSalts(db, now);
  if (upkeptOn.get(db) === utcDay(now)) {
    return { saltsDeleted: salts, daysRolledUp: 0, viewsDeleted: 0, conversionsDeleted: 0 };
  }
  const rolledUp = await rollUpDays(db, now);
  const deleted = await deleteOldEvents(db, retentionMonths, now);
  upkeptOn.set(db, utcDay(now));
  return {
    saltsDeleted: salts,
    daysRolledUp: rolledUp,
    viewsDeleted: deleted.views,
    conversionsDeleted: deleted.conversions,
  };
}
