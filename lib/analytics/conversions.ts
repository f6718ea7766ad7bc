import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { analyticsEnv } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { describeDbError } from "@/lib/db/log-error";
import { analyticsConversions, analyticsPageViews, type conversionKind } from "@/lib/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { flushEvents } from "@/lib/analytics/buffer";
import { sourceOf } from "@/lib/analytics/event";
import { dailySalt, isBot, siteKey, utcDay, visitorHash, type VisitorContext } from "@/lib/analytics/visitor";

export type ConversionKind = (typeof conversionKind.enumValues)[number];

export type Attribution = {
  landingPath: string;
  source: string;
  utmMedium: string;
  utmCampaign: string;
};

/** Where the visitor of `visitor` (today's hash) landed first today, and from where. */
export async function attribution(db: Db, day: string, visitor: string): Promise<Attribution> {
  const [first] = await db
    .select()
    .from(analyticsPageViews)
    .where(and(eq(analyticsPageViews.day, day), eq(analyticsPageViews.visitor, visitor)))
    .orderBy(asc(analyticsPageViews.at))
    .limit(1);
  if (!first) return { landingPath: "", source: "direct", utmMedium: "", utmCampaign: "" };
  return {
    landingPath: first.path,
    source: sourceOf(first),
    utmMedium: first.utmMedium,
    utmCampaign: first.utmCampaign,
  };
}

/**
 * Records a conversion where it happens, on the server, attributed through today's visitor
 * hash (computed from the form's own request) to the visitor's first page view today. Nothing
 * about it is stored on the reader's device. Analytics never fails the work it counts: with
 * ANALYTICS=off, from a bot, or outside a request it does nothing, and a failed write is logged
 * by its codes only.
 */
export async function recordConversion(
  db: Db,
  kind: ConversionKind,
  visitor: VisitorContext | undefined,
  { language, now = new Date() }: { language: Language; now?: Date },
): Promise<boolean> {
  if (!visitor || !analyticsEnv().analyticsEnabled || isBot(visitor.userAgent)) return false;
  try {
    // The landing view may still wait in the buffer: write it first.
    await flushEvents();
    const day = utcDay(now);
    const hash = visitorHash(await dailySalt(db, now), siteKey(), visitor);
    await db.insert(analyticsConversions).values({
      id: randomUUID(),
      at: now,
      day,
      kind,
      visitor: hash,
      language,
      ...(await attribution(db, day, hash)),
    });
    return true;
  } catch (error) {
    console.error(`[analytics] ${kind} conversion not recorded: ${describeDbError(error)}`);
    return false;
  }
}
