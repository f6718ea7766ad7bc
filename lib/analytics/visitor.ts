import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { isbot } from "isbot";
import { siteUrl } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { analyticsSalts } from "@/lib/db/schema";

/**
 * Who sent a request, as far as analytics may know it: the client's address group (as the
 * trusted proxy reports it, lib/forms/client-address.ts) and the User-Agent header. Only ever
 * hashed with the day's salt; never stored.
 */
export type VisitorContext = { clientAddress: string; userAgent: string };

/** The UTC day of `now`, YYYY-MM-DD: the salt's, the page view's and the conversion's day. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

// The day's salt, kept in memory beside its row so a page view costs no read once it is known.
let cached: { day: string; salt: string } | undefined;

/** For tests: forget the salt held in memory (as a restart would). */
export function forgetSalt(): void {
  cached = undefined;
}

/**
 * Today's salt: 32 random bytes, made by the first instance that needs it and shared through
 * the database with every other (ON CONFLICT keeps the first). Yesterday's is deleted by the
 * worker (`deleteOldSalts`); a salt is never read for any day but the current one.
 */
export async function dailySalt(db: Db, now = new Date()): Promise<string> {
  const day = utcDay(now);
  if (cached?.day === day) return cached.salt;
  await db
    .insert(analyticsSalts)
    .values({ day, salt: randomBytes(32).toString("base64url"), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select({ salt: analyticsSalts.salt })
    .from(analyticsSalts)
    .where(eq(analyticsSalts.day, day));
  if (!row) throw new Error("the day's analytics salt could not be read");
  cached = { day, salt: row.salt };
  return row.salt;
}

/** Deletes every salt before today's: nothing can link a hash of yesterday to a person any more. */
export async function deleteOldSalts(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(analyticsSalts)
    .where(lt(analyticsSalts.day, utcDay(now)))
    .returning({ day: analyticsSalts.day });
  return deleted.length;
}

/**
 * The daily visitor hash, as Plausible counts unique visitors: sha256 of the day's salt, the
 * site, the client's address group and the user agent, cut to 16 bytes (hex). The same person on
 * another day, or with another browser, is another visitor.
 */
export function visitorHash(salt: string, site: string, visitor: VisitorContext): string {
  return createHash("sha256")
    .update(`${salt}\n${site}\n${visitor.clientAddress}\n${visitor.userAgent}`)
    .digest("hex")
    .slice(0, 32);
}

/** The site in the visitor hash: SITE_URL's host. */
export const siteKey = () => new URL(siteUrl()).host;

/** A known crawler, preview fetcher or headless browser (isbot), or no User-Agent at all. */
export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || isbot(userAgent);
}

export type DeviceClass = "mobile" | "tablet" | "desktop";

/**
 * A coarse device class from the User-Agent header, on the server: reading the screen in the
 * browser would itself need consent (§ 25 TDDDG).
 */
export function deviceClass(userAgent: string): DeviceClass {
  if (/iPad|Tablet|Kindle|Silk|PlayBook|Android(?!.*Mobile)/i.test(userAgent)) return "tablet";
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(userAgent)) return "mobile";
  return "desktop";
}
