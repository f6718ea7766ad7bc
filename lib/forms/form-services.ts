import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/config/env";
import { parseDatabaseEnv } from "@/lib/db/env";
import { siteDatabase } from "@/lib/db/site";
import { clientAddress } from "@/lib/forms/client-address";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";
import type { FormServices } from "@/lib/forms/submit-form";
import { configuredMailer } from "@/lib/mail/configured-mailer";

let rateLimiter: RateLimiter | undefined;

/**
 * With a database (always under `npm start`, which passes the owner's DATABASE_URL) the rate
 * limit is counted there, shared by every instance; without one, in this process's memory.
 */
function configuredRateLimiter(): RateLimiter {
  const limits = serverEnv().rateLimit;
  return parseDatabaseEnv(process.env).kind === "server"
    ? databaseRateLimiter(siteDatabase, limits)
    : memoryRateLimiter(limits);
}

/** The services a form's action runs with on the server: the configured ones, one per process. */
export async function formServices(): Promise<FormServices> {
  rateLimiter ??= configuredRateLimiter();
  return {
    mailer: configuredMailer(),
    rateLimiter,
    clientAddress: clientAddress(await headers()),
  };
}
