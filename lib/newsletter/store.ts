import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  consents,
  newsletterSignups,
  subscribers,
  type SignupRow,
  type SubscriberRow,
} from "@/lib/db/schema";
import { normaliseEmail } from "@/lib/forms/email-field";
import type { Language } from "@/lib/i18n/languages";

const HOUR = 60 * 60 * 1000;
/** How long a confirmation link works. */
export const linkLifetimeMs = 48 * HOUR;
/** Signups (confirmed or not) are deleted after this; the consent record keeps the evidence. */
export const signupRetentionMs = 7 * 24 * HOUR;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type NewSignup = {
  email: string;
  firstName?: string;
  form: string;
  policyVersion: string;
  language?: Language;
};

/** Whether the address is on the list now: a signup for it sends nothing. */
export async function isSubscribed(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ status: subscribers.status })
    .from(subscribers)
    .where(eq(subscribers.email, normaliseEmail(email)));
  return row?.status === "confirmed";
}

export async function getSubscriber(db: Db, email: string): Promise<SubscriberRow | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(eq(subscribers.email, normaliseEmail(email)));
  return row;
}

/** A link's token: 256 random bits, of which only a hash is kept. */
export const newToken = () => randomBytes(32).toString("base64url");

/**
 * Stores a pending signup, its confirmation email queued, and returns its link's token: only a
 * hash of it is kept, so nobody with the database (or a backup) can confirm for someone.
 */
export async function createSignup(
  db: Db,
  signup: NewSignup,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + linkLifetimeMs);
  await db.insert(newsletterSignups).values({
    id,
    tokenHash: hashToken(token),
    email: normaliseEmail(signup.email),
    firstName: signup.firstName ?? null,
    form: signup.form,
    policyVersion: signup.policyVersion,
    language: signup.language ?? "en",
    createdAt: now,
    expiresAt,
    confirmationStatus: "queued",
  });
  return { id, token, expiresAt };
}

export async function signupExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: newsletterSignups.id })
    .from(newsletterSignups)
    .where(eq(newsletterSignups.id, id));
  return row !== undefined;
}

/** A signup whose confirmation email could not be sent: it never existed for the person. */
export async function deleteSignup(db: Db, id: string): Promise<void> {
  await db.delete(newsletterSignups).where(eq(newsletterSignups.id, id));
}

/** What a confirmation link leads to, for the page and for the button. */
export type LinkState =
  | { state: "unknown" }
  | { state: "expired" }
  /** Used already, or the address is on the list by another link: nothing left to do. */
  | { state: "subscribed"; email: string }
  /** The address unsubscribed (or bounced) after this link was made: it cannot re-subscribe it. */
  | { state: "superseded" }
  | { state: "pending"; email: string };

async function stateOf(db: Db, signup: SignupRow | undefined, now: Date): Promise<LinkState> {
  if (!signup) return { state: "unknown" };
  const [subscriber] = await db.select().from(subscribers).where(eq(subscribers.email, signup.email));
  if (subscriber?.status === "unsubscribed" && subscriber.leftAt && subscriber.leftAt >= signup.createdAt) {
    return { state: "superseded" };
  }
  if (signup.confirmedAt || subscriber?.status === "confirmed") {
    return subscriber?.status === "confirmed"
      ? { state: "subscribed", email: signup.email }
      : { state: "superseded" };
  }
  if (signup.expiresAt <= now) return { state: "expired" };
  return { state: "pending", email: signup.email };
}

/** Reads a link without changing anything (GET must be safe: mail scanners open links). */
export async function inspectLink(db: Db, token: string, now = new Date()): Promise<LinkState> {
  const [signup] = await db
    .select()
    .from(newsletterSignups)
    .where(eq(newsletterSignups.tokenHash, hashToken(token)));
  return stateOf(db, signup, now);
}

/**
 * Uses a link: the subscription starts and its consent is recorded, once. Run again, or with
 * a link from before an unsubscribe, it changes nothing and says so.
 */
export async function confirmLink(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ outcome: LinkState; confirmedNow: boolean }> {
  return db.transaction(async (tx) => {
    const [signup] = await tx
      .select()
      .from(newsletterSignups)
      .where(eq(newsletterSignups.tokenHash, hashToken(token)))
      .for("update");
    const outcome = await stateOf(tx as unknown as Db, signup, now);
    if (outcome.state !== "pending") return { outcome, confirmedNow: false };

    await tx.update(newsletterSignups).set({ confirmedAt: now }).where(eq(newsletterSignups.id, signup!.id));
    await tx
      .insert(subscribers)
      .values({
        email: signup!.email,
        firstName: signup!.firstName,
        status: "confirmed",
        language: signup!.language,
        createdAt: now,
        updatedAt: now,
        confirmedAt: now,
      })
      .onConflictDoUpdate({
        target: subscribers.email,
        // Only a subscription that had ended starts again; the row's history of leaving goes.
        set: {
          firstName: signup!.firstName,
          status: "confirmed",
          language: signup!.language,
          updatedAt: now,
          confirmedAt: now,
          leftAt: null,
          leaveReason: null,
          contactSync: "pending",
          contactSyncAttempts: 0,
          contactNextSyncAt: null,
          contactSyncError: null,
        },
        setWhere: sql`${subscribers.status} <> 'confirmed'`,
      });
    await tx.insert(consents).values({
      id: randomUUID(),
      email: signup!.email,
      signedUpAt: signup!.createdAt,
      confirmedAt: now,
      form: signup!.form,
      policyVersion: signup!.policyVersion,
      method: "double-opt-in",
      recordedAt: now,
    });
    return { outcome: { state: "subscribed", email: signup!.email }, confirmedNow: true };
  });
}

export type LeaveReason = "unsubscribed" | "bounced" | "complained";

/**
 * Records that an address left the list (a Resend webhook). An event older than the current
 * subscription (a late retry of an old unsubscribe) is ignored, so a fresh signup sticks too.
 * An address the site has never stored is not written down: Resend suppresses it anyway.
 */
export async function recordLeave(
  db: Db,
  address: string,
  reason: LeaveReason,
  at: Date,
): Promise<"recorded" | "ignored"> {
  const email = normaliseEmail(address);
  return db.transaction(async (tx) => {
    const [subscriber] = await tx
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, email))
      .for("update");
    if (subscriber) {
      if (subscriber.confirmedAt && subscriber.confirmedAt > at) return "ignored";
      if (subscriber.status === "unsubscribed" && subscriber.leftAt && subscriber.leftAt >= at)
        return "ignored";
      await tx
        .update(subscribers)
        .set({ status: "unsubscribed", leftAt: at, leaveReason: reason, updatedAt: new Date() })
        .where(eq(subscribers.email, email));
      return "recorded";
    }
    const [pending] = await tx
      .select({ id: newsletterSignups.id })
      .from(newsletterSignups)
      .where(eq(newsletterSignups.email, email))
      .limit(1);
    if (!pending) return "ignored";
    const now = new Date();
    await tx.insert(subscribers).values({
      email,
      status: "unsubscribed",
      createdAt: now,
      updatedAt: now,
      leftAt: at,
      leaveReason: reason,
      contactSync: "synced",
    });
    return "recorded";
  });
}

/** Deletes signups older than 7 days (never-confirmed ones are what the privacy page promises). */
export async function deleteOldSignups(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(newsletterSignups)
    .where(lt(newsletterSignups.createdAt, new Date(now.getTime() - signupRetentionMs)))
    .returning({ id: newsletterSignups.id });
  return deleted.length;
}

/** Pending signups not yet confirmed, for the privacy export and the tests. */
export async function pendingSignupsFor(db: Db, address: string): Promise<SignupRow[]> {
  return db
    .select()
    .from(newsletterSignups)
    .where(and(eq(newsletterSignups.email, normaliseEmail(address)), isNull(newsletterSignups.confirmedAt)));
}
