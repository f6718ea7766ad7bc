import "server-only";
import { headers } from "next/headers";
import { databaseEnv, limitsEnv } from "@/lib/config/env";
import { siteDatabase } from "@/lib/db/site";
import { clientAddress } from "@/lib/forms/client-address";
import { emailCaps, type EmailCaps } from "@/lib/forms/email-caps";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";
import type { FormServices } from "@/lib/forms/submit-form";
import { configuredMailer } from "@/lib/mail/configured-mailer";

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

/** The services a form's action runs with on the server: the configured ones, one per process. */
export async function formServices(): Promise<FormServices> {
  const env = limitsEnv();
  configured ??= { rateLimiter: limiter(env.rateLimit), emailCaps: emailCaps(limiter, env.emailCaps) };
  return {
    mailer: configuredMailer(),
    ...configured,
    clientAddress: clientAddress(await headers(), env.trustProxy),
  };
}
