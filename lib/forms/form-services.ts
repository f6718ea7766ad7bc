import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/config/env";
import { clientAddress } from "@/lib/forms/client-address";
import { memoryRateLimiter, type RateLimiter } from "@/lib/forms/rate-limit";
import type { FormServices } from "@/lib/forms/submit-form";
import { configuredMailer } from "@/lib/mail/configured-mailer";

let rateLimiter: RateLimiter | undefined;

/** The services a form's action runs with on the server: the configured ones, one per process. */
export async function formServices(): Promise<FormServices> {
  rateLimiter ??= memoryRateLimiter(serverEnv().rateLimit);
  return {
    mailer: configuredMailer(),
    rateLimiter,
    clientAddress: clientAddress(await headers()),
  };
}
