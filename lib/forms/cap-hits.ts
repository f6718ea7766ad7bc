import { gte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { emailCapHits } from "@/lib/db/schema";

/** Counts one refusal by a cap, for the coach's digest: the day, the cap and the kind of email. */
export async function recordCapHit(db: Db, cap: "address" | "daily", kind: string, now = new Date()) {
  await db
    .insert(emailCapHits)
    .values({ day: now.toISOString().slice(0, 10), kind: `${cap}:${kind}`, hits: 1 })
    .onConflictDoUpdate({
      target: [emailCapHits.day, emailCapHits.kind],
      set: { hits: sql`${emailCapHits.hits} + 1` },
    });
}

/** Refusals per cap and kind since `since` (a UTC date, inclusive). */
export async function capHitsSince(db: Db, since: string): Promise<{ kind: string; hits: number }[]> {
  return db
    .select({ kind: emailCapHits.kind, hits: sql<number>`sum(${emailCapHits.hits})::int` })
    .from(emailCapHits)
    .where(gte(emailCapHits.day, since))
    .groupBy(emailCapHits.kind)
    .orderBy(emailCapHits.kind);
}

const described: Record<string, string> = {
  "daily:newsletter-confirmation": "newsletter confirmations held back by the daily cap (EMAIL_DAILY_CAP)",
  "daily:inquiry-receipt": "inquiry receipts not sent: the daily cap (EMAIL_DAILY_CAP) was used up",
  "address:newsletter-confirmation": "newsletter confirmations refused: one mailbox asked for more than its share",
  "address:inquiry-receipt": "inquiry receipts not sent: one mailbox had its share for the day",
};

/**
 * The caps' part of the coach's daily digest (lib/jobs/digest.ts): how often each refused an
 * email since `since`. Counts only; the caps never record an address.
 */
export async function capHitsDigestSections(db: Db, { since }: { since: Date }) {
  const hits = await capHitsSince(db, since.toISOString().slice(0, 10));
  if (hits.length === 0) return [];
  const total = hits.reduce((sum, hit) => sum + hit.hits, 0);
  return [
    {
      key: "caps",
      summary: `${total} ${total === 1 ? "email" : "emails"} stopped by a cap`,
      heading: "Emails to typed addresses stopped by a cap (held confirmations go out once the cap resets)",
      entries: hits.map((hit) => `${String(hit.hits).padStart(4)}  ${described[hit.kind] ?? hit.kind}`),
      footer: "A daily cap reached by real signups means EMAIL_DAILY_CAP is too low for the site's traffic.",
    },
  ];
}
