import { connection, NextResponse } from "next/server";
import { siteHealth } from "@/lib/server/health";

export async function GET() {
  await connection();
  const health = await siteHealth();
  return NextResponse.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
