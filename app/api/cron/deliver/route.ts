import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/env";
import { cronAuthorized, runScheduledPass } from "@/lib/inquiry/scheduled";

// A pass may take most of a minute when the mail service is slow.
export const maxDuration = 60;

/** One delivery pass, for hosts without a long-running server (Vercel Cron calls it with GET). */
export async function GET(request: Request) {
  if (!cronAuthorized(request.headers.get("authorization"), serverEnv().cronSecret)) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const result = await runScheduledPass();
  return NextResponse.json(
    {
      delivered: result.delivered.length,
      retrying: result.retrying.length,
      failed: result.failed.length,
      receipts: result.receipts,
      deleted: result.deleted,
      remaining: result.remaining,
      skipped: result.skipped,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
