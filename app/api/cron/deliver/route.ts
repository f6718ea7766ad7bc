import { NextResponse } from "next/server";
import { cronAuthorized, runCronPass } from "@/lib/server/cron";

// A pass may take most of a minute when the mail service is slow.
export const maxDuration = 60;

/** One delivery pass, for hosts without a long-running server (Vercel Cron calls it with GET). */
export async function GET(request: Request) {
  if (!cronAuthorized(request.headers.get("authorization"))) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  return NextResponse.json(await runCronPass(), { headers: { "cache-control": "no-store" } });
}
