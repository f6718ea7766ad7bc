import { z } from "zod";

/** The most the beacon's body may be: read with this cap, refused past it (413). */
export const MAX_EVENT_BYTES = 2048;

const measure = (max: number) => z.number().finite().min(0).max(max).optional();

/**
 * What the beacon (public/analytics.js) posts as `text/plain` JSON, one event a request:
 * `k` the kind ("v" a page view starts, "e" it ends or is hidden, "b" the booking link was
 * followed), `i` the view's random id (made in memory per page view, never stored on the device),
 * `u` the page's path and query, `r` document.referrer, `d` the visible time in ms, `m` the
 * view's Web Vitals so far.
 */
export const beaconEvent = z.object({
  k: z.enum(["v", "e", "b"]),
  i: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/),
  u: z.string().min(1).max(1024),
  r: z.string().max(1024).optional().default(""),
  d: measure(86_400_000),
  m: z
    .object({
      lcp: measure(600_000),
      inp: measure(600_000),
      cls: measure(100),
      fcp: measure(600_000),
      ttfb: measure(600_000),
    })
    .optional(),
});

export type BeaconEvent = z.output<typeof beaconEvent>;

/** Parses the body the beacon sent; undefined for anything that is not one valid event. */
export function parseBeaconEvent(body: string): BeaconEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = beaconEvent.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Where a view came from, from its URL and referrer: only the parts analytics keeps. */
export type PageOrigin = {
  path: string;
  referrerHost: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
};

const clip = (value: string | null, max = 100) => (value ?? "").trim().slice(0, max);

/**
 * The page's path (no query string, no trailing slash) and its source: `utm_source` (or `ref`
 * when there is none), medium and campaign, and the referrer's host unless it is our own
 * (`ownHosts`). Undefined for a URL that does not parse.
 */
export function pageOrigin(
  url: string,
  referrer: string,
  ownHosts: readonly string[],
): PageOrigin | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://site.invalid");
  } catch {
    return undefined;
  }
  let path = parsed.pathname;
  if (path.length > 1) path = path.replace(/\/+$/, "");
  let referrerHost = "";
  if (referrer) {
    try {
      const host = new URL(referrer).hostname.toLowerCase();
      referrerHost = ownHosts.includes(host) ? "" : host.replace(/^www\./, "");
    } catch {
      referrerHost = "";
    }
  }
  const query = parsed.searchParams;
  return {
    path,
    referrerHost: referrerHost.slice(0, 200),
    utmSource: clip(query.get("utm_source") ?? query.get("ref")).toLowerCase(),
    utmMedium: clip(query.get("utm_medium")).toLowerCase(),
    utmCampaign: clip(query.get("utm_campaign")),
  };
}

/** The source a landing is credited to: utm_source (or ref), else the referrer's host, else "direct". */
export const sourceOf = (origin: Pick<PageOrigin, "utmSource" | "referrerHost">) =>
  origin.utmSource || origin.referrerHost || "direct";
