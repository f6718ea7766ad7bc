import "server-only";
import { timingSafeEqual } from "node:crypto";
import { jobsEnv } from "@/lib/config/env";
import { siteDatabase } from "@/lib/db/site";
import { runConfiguredPass } from "@/lib/jobs/presets";

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret set, no entry. */
export function cronAuthorized(
  header: string | null,
  secret: string | undefined = jobsEnv().cronSecret,
): boolean {
  if (!secret || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The cron route's answer: what the pass did, in the shape the route has always returned. */
export async function runCronPass() {
  const result = await runConfiguredPass(await siteDatabase(), "cron");
  const count = (key: "delivered" | "retrying" | "failed") => result.tasks.inquiries?.[key].length ?? 0;
  return {
    delivered: count("delivered"),
    retrying: count("retrying"),
    failed: count("failed"),
    receipts: result.tasks.receipts ?? { delivered: 0, retrying: 0, failed: 0 },
    deleted: result.tasks.retention?.deleted ?? 0,
    remaining: result.remaining,
    skipped: result.skipped,
  };
}
