import { NextResponse } from "next/server";
import { mailEnv } from "@/lib/config/env";
import { siteDatabase } from "@/lib/db/site";
import { verifyResendWebhook } from "@/lib/mail/resend-webhook";
import { applyResendEvent } from "@/lib/newsletter/resend-events";

const noStore = { "cache-control": "no-store" };

/**
 * Resend's events about the list (unsubscribes, bounces, complaints), so that leaving sticks:
 * see README for registering it. Anything not signed with RESEND_WEBHOOK_SECRET changes nothing.
 * A failure answers 500 so that Resend delivers the event again later.
 */
export async function POST(request: Request) {
  const secret = mailEnv().webhookSecret;
  if (!secret)
    return NextResponse.json({ error: "webhook not configured" }, { status: 503, headers: noStore });
  const event = verifyResendWebhook(await request.text(), request.headers, secret);
  if (!event) return NextResponse.json({ error: "invalid signature" }, { status: 401, headers: noStore });
  const recorded = await applyResendEvent(await siteDatabase(), event);
  if (recorded > 0) console.info(`[newsletter] ${event.type}: ${recorded} address(es) left the list`);
  return NextResponse.json({ received: event.type, recorded }, { headers: noStore });
}
