import { NextResponse } from "next/server";
import { mailEnv } from "@/lib/config/env";
import { describeDbError } from "@/lib/db/log-error";
import { siteDatabase } from "@/lib/db/site";
import { verifyResendWebhook } from "@/lib/mail/resend-webhook";
import { applyResendEvent } from "@/lib/newsletter/resend-events";
import { BodyTooLargeError, readBodyWithin } from "@/lib/server/read-body";

const noStore = { "cache-control": "no-store" };

/** Resend's events are a few kilobytes; nothing larger is read before the signature is checked. */
const webhookBodyLimitBytes = 64 * 1024;

/**
 * Resend's events about the list (unsubscribes, bounces, complaints), so that leaving sticks:
 * see README for registering it. Anything not signed with RESEND_WEBHOOK_SECRET changes nothing.
 * A failure answers 500 so that Resend delivers the event again later.
 */
export async function POST(request: Request) {
  const secret = mailEnv().webhookSecret;
  if (!secret)
    return NextResponse.json({ error: "webhook not configured" }, { status: 503, headers: noStore });
  let body: string;
  try {
    body = await readBodyWithin(request, webhookBodyLimitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return NextResponse.json({ error: "body too large" }, { status: 413, headers: noStore });
  }
  const event = verifyResendWebhook(body, request.headers, secret);
  if (!event) return NextResponse.json({ error: "invalid signature" }, { status: 401, headers: noStore });
  let recorded: number;
  try {
    recorded = await applyResendEvent(await siteDatabase(), event);
  } catch (error) {
    // The query's parameters (the addresses) stay out of the log: its codes only.
    console.error(`[newsletter] ${event.type} not recorded: ${describeDbError(error)}`);
    return NextResponse.json({ error: "not recorded, send again" }, { status: 500, headers: noStore });
  }
  if (recorded > 0) console.info(`[newsletter] ${event.type}: ${recorded} address(es) left the list`);
  return NextResponse.json({ received: event.type, recorded }, { headers: noStore });
}
