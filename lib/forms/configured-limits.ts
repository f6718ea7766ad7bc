import "server-only";
import { databaseEnv, limitsEnv } from "@/lib/config/env";
import { siteDatabase } from "@/lib/db/site";
import { recordCapHit } from "@/lib/forms/cap-hits";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { emailCaps, type EmailCaps } from "@/lib/forms/email-caps";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";

let configured: { rateLimiter: RateLimiter; emailCaps: EmailCaps } | undefined;

/**
 * With a database (always under `npm start`, which passes the owner's DATABASE_URL) limits are
 * counted there, shared by every instance; without one, in this process's memory.
 */
function limiter(options: { max: number; windowSeconds: number }): RateLimiter {
  return databaseEnv().kind === "server"
    ? databaseRateLimiter(siteDatabase, options)
    : memoryRateLimiter(options);
}

/** The form rate limit and the email caps the environment sets, one of each per process. */
export function configuredLimits(): { rateLimiter: RateLimiter; emailCaps: EmailCaps } {
  const env = limitsEnv();
  configured ??= {
    rateLimiter: limiter(env.rateLimit),
    emailCaps: emailCaps(limiter, env.emailCaps, {
      onRefused: async (cap, kind) => recordCapHit(await siteDatabase(), cap, kind),
    }),
  };
  return configured;
}
