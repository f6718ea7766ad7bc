import { gte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { emailCapHits } from "@/lib/db/schema";
import { dictionary, plural } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

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

/**
 * The caps' part of the coach's daily digest (lib/jobs/digest.ts): how often each refused an
 * email since `since`. Counts only; the caps never record an address.
 */
export async function capHitsDigestSections(
  db: Db,
  { since, language }: { since: Date; language: Language },
) {
  const words = dictionary(language).digest;
  const hits = await capHitsSince(db, since.toISOString().slice(0, 10));
  if (hits.length === 0) return [];
  const total = hits.reduce((sum, hit) => sum + hit.hits, 0);
  const kinds: Record<string, string> = words.capKinds;
  return [
    {
      key: "caps",
      summary: plural(words.caps, total),
      heading: words.capsHeading,
      entries: hits.map((hit) => `${String(hit.hits).padStart(4)}  ${kinds[hit.kind] ?? hit.kind}`),
      footer: words.capsFooter,
    },
  ];
}
