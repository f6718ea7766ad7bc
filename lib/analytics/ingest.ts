import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { languageOfPath } from "@/lib/i18n/languages";
import { buffer, type PageViewRow } from "@/lib/analytics/buffer";
import { parseBeaconEvent, pageOrigin } from "@/lib/analytics/event";
import { recordConversion } from "@/lib/analytics/conversions";
import {
  dailySalt,
  deviceClass,
  isBot,
  siteKey,
  utcDay,
  visitorHash,
  type VisitorContext,
} from "@/lib/analytics/visitor";

/** Events per client address group per minute: a reader sends two or three a page. */
export const EVENTS_PER_MINUTE = 120;

export type IngestOutcome = "accepted" | "bot" | "invalid" | "forbidden" | "limited" | "not-a-page";

export type IngestRequest = VisitorContext & {
  /** The request's Origin header. */
  origin: string | null;
};

export type IngestOptions = {
  db: () => Promise<Db>;
  /** The origins the beacon may post from: the site's (SITE_URL) and the one the request reached. */
  allowedOrigins: readonly string[];
  /** Whether a path is one of the site's pages; anything else is not counted. */
  isPage: (path: string) => boolean;
  now?: Date;
};

const limiter = new RateLimiterMemory({ points: EVENTS_PER_MINUTE, duration: 60 });

/**
 * One beacon event: the Origin, the bot filter, the rate limit per client address group (in
 * memory: the database limiter writes on every call), the body (zod), then the page view
 * buffered for the next batch. A booking click is a conversion, recorded at once.
 */
export async function ingestEvent(
  body: string,
  request: IngestRequest,
  options: IngestOptions,
): Promise<IngestOutcome> {
  if (!request.origin || !options.allowedOrigins.includes(request.origin)) return "forbidden";
  if (isBot(request.userAgent)) return "bot";
  try {
    await limiter.consume(request.clientAddress);
  } catch {
    return "limited";
  }
  const event = parseBeaconEvent(body);
  if (!event) return "invalid";
  const ownHosts = options.allowedOrigins.map((origin) => new URL(origin).hostname.toLowerCase());
  const page = pageOrigin(event.u, event.r, ownHosts);
  if (!page || !options.isPage(page.path)) return "not-a-page";
  const now = options.now ?? new Date();
  const language = languageOfPath(page.path);
  const db = await options.db();
  if (event.k === "b") {
    await recordConversion(db, "booking", request, { language, now });
    return "accepted";
  }
  const salt = await dailySalt(db, now);
  const visitor = visitorHash(salt, siteKey(), request);
  const row: PageViewRow = {
    viewId: event.i,
    at: now,
    day: utcDay(now),
    visitor,
    language,
    ...page,
    device: deviceClass(request.userAgent),
    ...(event.k === "e"
      ? {
          durationMs: event.d === undefined ? undefined : Math.round(event.d),
          lcpMs: round(event.m?.lcp),
          inpMs: round(event.m?.inp),
          cls: event.m?.cls,
          fcpMs: round(event.m?.fcp),
          ttfbMs: round(event.m?.ttfb),
        }
      : {}),
  };
  buffer(row, options.db);
  return "accepted";
}

const round = (value: number | undefined) => (value === undefined ? undefined : Math.round(value));
