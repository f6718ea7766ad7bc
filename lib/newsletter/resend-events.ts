import type { Db } from "@/lib/db/client";
import type { ResendEvent } from "@/lib/mail/resend-webhook";
import { recordLeave, type LeaveReason } from "@/lib/newsletter/store";

/** Which addresses an event takes off the list, and why; nothing for every other event. */
function leaving(event: ResendEvent): { addresses: string[]; reason: LeaveReason } | undefined {
  const data = event.data as Record<string, unknown>;
  if (event.type === "contact.updated" && data.unsubscribed === true && typeof data.email === "string") {
    return { addresses: [data.email], reason: "unsubscribed" };
  }
  const to = Array.isArray(data.to)
    ? data.to.filter((entry): entry is string => typeof entry === "string")
    : [];
  // A temporary bounce (a full mailbox) passes; only a permanent one means the address is gone.
  const bounce = data.bounce as { type?: string } | undefined;
  if (event.type === "email.bounced" && bounce?.type === "Permanent")
    return { addresses: to, reason: "bounced" };
  if (event.type === "email.complained") return { addresses: to, reason: "complained" };
  return undefined;
}

/** Records what a verified Resend event says about the list; returns how many addresses it changed. */
export async function applyResendEvent(db: Db, event: ResendEvent): Promise<number> {
  const change = leaving(event);
  if (!change) return 0;
  const at = new Date(event.created_at);
  const when = Number.isNaN(at.getTime()) ? new Date() : at;
  let recorded = 0;
  for (const address of change.addresses) {
    if ((await recordLeave(db, address, change.reason, when)) === "recorded") recorded += 1;
  }
  return recorded;
}
