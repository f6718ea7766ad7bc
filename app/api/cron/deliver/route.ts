import { NextResponse } from "next/server";
import { describeDbError } from "@/lib/db/log-error";
import { cronAuthorized, runCronPass } from "@/lib/server/cron";

// A pass may take most of a minute when the mail service is slow.
export const maxDuration = 60;

/** One delivery pass, for hosts without a long-running server (Vercel Cron calls it with GET). */
export async function GET(request: Request) {
  if (!cronAuthorized(request.headers.get("authorization"))) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  try {
    return NextResponse.json(await runCronPass(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    // A failed query's message carries its parameters (names, addresses): its codes only.
    console.error(`[jobs] cron pass failed: ${describeDbError(error)}`);
    return NextResponse.json(
      { error: "pass failed" },
      { status: 500, headers: { "cache-control": "no-store" } },
    );
  }
}
