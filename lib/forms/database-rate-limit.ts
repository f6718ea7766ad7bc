import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { describeDbError } from "@/lib/db/log-error";
import { rateLimits } from "@/lib/db/schema";
import type { RateLimiter, RateLimitResult } from "@/lib/forms/rate-limit";

const hashed = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * The rate limit kept in Postgres, so every instance of the site counts together. One statement
 * per attempt (an upsert that starts a new window once the old one has expired); the key is a
 * hash, so no client address is ever written to the database.
 */
export function databaseRateLimiter(
  database: () => Promise<Db>,
  options: { max: number; windowSeconds: number },
): RateLimiter {
  let lastSweep = 0;
  return {
    async consume(key) {
      try {
        return await count(key);
      } catch (error) {
        // The store being down is reported by the step that needs it (storing the inquiry);
        // a limit that cannot count lets the attempt through rather than fail the form.
        console.error(`[rate-limit] not counted: ${describeDbError(error)}`);
        return { allowed: true };
      }
    },
    async refund(key) {
      const db = await database();
      await db
        .update(rateLimits)
        .set({ points: sql`greatest(${rateLimits.points} - 1, 0)` })
        .where(sql`${rateLimits.key} = ${hashed(key)}`);
    },
    async used(key) {
      const db = await database();
      const [row] = await db
        .select({ points: rateLimits.points })
        .from(rateLimits)
        .where(sql`${rateLimits.key} = ${hashed(key)} and ${rateLimits.expiresAt} > now()`);
      return row?.points ?? 0;
    },
  };

  async function count(key: string): Promise<RateLimitResult> {
    const db = await database();
    const window = sql`now() + make_interval(secs => ${options.windowSeconds})`;
    const expired = sql`${rateLimits.expiresAt} <= now()`;
    const [row] = await db
      .insert(rateLimits)
      .values({ key: hashed(key), points: 1, expiresAt: window })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`case when ${expired} then 1 else ${rateLimits.points} + 1 end`,
          expiresAt: sql`case when ${expired} then ${window} else ${rateLimits.expiresAt} end`,
        },
      })
      .returning({
        points: rateLimits.points,
        secondsLeft: sql<number>`ceil(extract(epoch from ${rateLimits.expiresAt} - now()))::int`,
      });
    if (Date.now() - lastSweep > 60_000) {
      lastSweep = Date.now();
      await db.delete(rateLimits).where(lt(rateLimits.expiresAt, sql`now()`));
    }
    return row!.points <= options.max
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: Math.max(1, row!.secondsLeft) };
  }
}
