import { openStore } from "@/lib/db/open-store";
import { readStats, type Stats, type Vital } from "@/lib/analytics/stats";
import { formatFields, formatTable, runScript, wantsHelp } from "./run";

const help = `Usage: npm run stats [-- --days N] [--json]

The site's own analytics (docs/analytics.md) for the last N UTC days, today included
(default 30): visitors (each day's unique visitors, summed), page views, top pages, top
sources (utm_source or ref, else the referring site, else direct) and campaigns, conversions
(inquiry stored, newsletter signup and confirmation, booking link followed) and their rate by
source and by landing page, the newsletter's growth, and Web Vitals at the 75th percentile per
page with Google's bands (good, needs-improvement, poor).

  --days N   how many days back (1 to 3660)
  --json     the same figures as JSON, in the shape documented in docs/analytics.md

Works while the site runs and without it. Environment: DATABASE_URL, DATA_DIR.`;

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const vital = (value: Vital, unit = " ms") => (value ? `${value.p75}${unit} ${value.rating}` : "-");

function print(stats: Stats) {
  const { period } = stats;
  console.log(
    formatFields([
      ["period", `${period.from} to ${period.to} (${period.days} days, UTC)`],
      ["visitors", String(stats.visitors)],
      ["page views", String(stats.pageViews)],
      [
        "conversions",
        `${stats.conversions.total} (inquiries ${stats.conversions.inquiry}, signups ${stats.conversions.signup}, ` +
          `confirmed ${stats.conversions.confirmed}, booking ${stats.conversions.booking}), rate ${percent(stats.conversions.rate)}`,
      ],
      [
        "newsletter",
        `${stats.newsletter.subscribers} subscribers; in the period ${stats.newsletter.signups} signups, ` +
          `${stats.newsletter.confirmed} confirmed, ${stats.newsletter.left} left`,
      ],
    ]),
  );
  const section = (title: string, header: string[], rows: string[][]) => {
    console.log(`\n${title}`);
    console.log(rows.length ? formatTable(header, rows) : "  (none)");
  };
  section(
    "Top pages",
    ["page", "views", "visitors"],
    stats.topPages.map((row) => [row.path, String(row.views), String(row.visitors)]),
  );
  section(
    "Top sources (where visitors landed from)",
    ["source", "visitors"],
    stats.topSources.map((row) => [row.source, String(row.visitors)]),
  );
  section(
    "Campaigns",
    ["source", "medium", "campaign", "visitors"],
    stats.campaigns.map((row) => [row.source, row.medium || "-", row.campaign || "-", String(row.visitors)]),
  );
  const attributed = ["visitors", "inquiry", "signup", "confirmed", "booking", "rate"];
  section(
    "Conversions by source",
    ["source", ...attributed],
    stats.conversionsBySource.map((row) => [
      row.source,
      ...[row.visitors, row.inquiry, row.signup, row.confirmed, row.booking].map(String),
      percent(row.rate),
    ]),
  );
  section(
    "Conversions by landing page",
    ["landing page", ...attributed],
    stats.conversionsByLandingPage.map((row) => [
      row.path,
      ...[row.visitors, row.inquiry, row.signup, row.confirmed, row.booking].map(String),
      percent(row.rate),
    ]),
  );
  section(
    "Web Vitals, 75th percentile",
    ["page", "views", "LCP", "INP", "CLS", "FCP", "TTFB"],
    stats.webVitals.map((row) => [
      row.path,
      String(row.samples),
      vital(row.lcp),
      vital(row.inp),
      vital(row.cls, ""),
      vital(row.fcp),
      vital(row.ttfb),
    ]),
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args)) {
    console.log(help);
    return 0;
  }
  let days = 30;
  let json = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--days" || arg.startsWith("--days=")) {
      const value = arg.includes("=") ? arg.slice("--days=".length) : args[++index];
      days = Number(value);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        console.error("--days takes a whole number of days from 1 to 3660.");
        return 2;
      }
    } else {
      console.error(help);
      return 2;
    }
  }
  const store = await openStore();
  try {
    const stats = await readStats(store.db, { days });
    if (json) console.log(JSON.stringify(stats, null, 2));
    else print(stats);
    return 0;
  } finally {
    await store.close();
  }
}

runScript(main);
