import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { newsletterSends, type NewsletterSendRow } from "@/lib/db/schema";
import type { Language } from "@/lib/i18n/languages";

/** One send: an issue to one language's readers. */
export type SendKey = { slug: string; audience: Language };

const keyIs = ({ slug, audience }: SendKey) =>
  and(eq(newsletterSends.slug, slug), eq(newsletterSends.audience, audience));

export async function findSend(db: Db, key: SendKey): Promise<NewsletterSendRow | undefined> {
  const [row] = await db.select().from(newsletterSends).where(keyIs(key));
  return row;
}

export async function listSends(db: Db): Promise<NewsletterSendRow[]> {
  return db.select().from(newsletterSends).orderBy(desc(newsletterSends.updatedAt));
}

/** The draft broadcast; a row that already left "draft" is never moved back by this. */
export async function recordDraft(
  db: Db,
  draft: SendKey & { broadcastId: string; broadcastName: string; segmentId: string | null },
  now = new Date(),
): Promise<void> {
  await db
    .insert(newsletterSends)
    .values({ ...draft, status: "draft", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [newsletterSends.slug, newsletterSends.audience],
      set: { broadcastId: draft.broadcastId, segmentId: draft.segmentId, updatedAt: now },
      setWhere: eq(newsletterSends.status, "draft"),
    });
}

/** A broadcast found sent (or going out) in Resend: the issue is recorded as sent, whatever we knew. */
export async function recordSentElsewhere(
  db: Db,
  sent: SendKey & { broadcastId: string; broadcastName: string; segmentId: string | null; sentAt: Date },
  now = new Date(),
): Promise<void> {
  await db
    .insert(newsletterSends)
    .values({ ...sent, status: "sent", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [newsletterSends.slug, newsletterSends.audience],
      set: { broadcastId: sent.broadcastId, status: "sent", sentAt: sent.sentAt, updatedAt: now },
    });
}

/**
 * Takes the draft for sending: only one process gets it (draft → sending in one statement), and
 * the row says "sending" before Resend is asked, so a lost answer still counts as a send.
 */
export async function claimSend(
  db: Db,
  key: SendKey,
  now = new Date(),
): Promise<NewsletterSendRow | undefined> {
  const [row] = await db
    .update(newsletterSends)
    .set({ status: "sending", sendRequestedAt: now, updatedAt: now })
    .where(and(keyIs(key), eq(newsletterSends.status, "draft")))
    .returning();
  return row;
}

export async function markSent(db: Db, key: SendKey, now = new Date()): Promise<void> {
  await db.update(newsletterSends).set({ status: "sent", sentAt: now, updatedAt: now }).where(keyIs(key));
}

/** Resend refused the send outright (nothing went out): the draft can be sent later. */
export async function releaseClaim(db: Db, key: SendKey, now = new Date()): Promise<void> {
  await db
    .update(newsletterSends)
    .set({ status: "draft", sendRequestedAt: null, updatedAt: now })
    .where(and(keyIs(key), eq(newsletterSends.status, "sending")));
}
