import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { consents, inquiries, newsletterSignups, rateLimits, subscribers } from "@/lib/db/schema";
import type { CappedEmail } from "@/lib/forms/email-caps";
import { normaliseEmail } from "@/lib/forms/email-field";

/** Everything the store holds about one address: what `npm run data:export` prints. */
export type PersonalData = {
  address: string;
  inquiries: {
    id: string;
    sentAt: string;
    status: string;
    name: string;
    company?: string;
    role?: string;
    message: string;
  }[];
  newsletter: {
    subscriber?: {
      status: string;
      firstName: string | null;
      since: string;
      confirmedAt: string | null;
      leftAt: string | null;
      leaveReason: string | null;
    };
    signups: { signedUpAt: string; form: string; confirmedAt: string | null; expiresAt: string }[];
    consents: {
      signedUpAt: string;
      confirmedAt: string | null;
      form: string;
      policyVersion: string | null;
      method: string;
      evidence: string | null;
    }[];
  };
};

const iso = (date: Date | null) => date?.toISOString() ?? null;
const inquiriesFrom = (email: string) => sql`lower(${inquiries.payload} ->> 'email') = ${email}`;

export async function exportPersonalData(db: Db, address: string): Promise<PersonalData> {
  const email = normaliseEmail(address);
  const [inquiryRows, [subscriber], signupRows, consentRows] = await Promise.all([
    db.select().from(inquiries).where(inquiriesFrom(email)).orderBy(inquiries.createdAt),
    db.select().from(subscribers).where(eq(subscribers.email, email)),
    db
      .select()
      .from(newsletterSignups)
      .where(eq(newsletterSignups.email, email))
      .orderBy(newsletterSignups.createdAt),
    db.select().from(consents).where(eq(consents.email, email)).orderBy(consents.recordedAt),
  ]);
  return {
    address: email,
    inquiries: inquiryRows.map((row) => ({
      id: row.id,
      sentAt: row.createdAt.toISOString(),
      status: row.status,
      name: row.payload.name,
      ...(row.payload.company && { company: row.payload.company }),
      ...(row.payload.role && { role: row.payload.role }),
      message: row.payload.message,
    })),
    newsletter: {
      ...(subscriber && {
        subscriber: {
          status: subscriber.status,
          firstName: subscriber.firstName,
          since: subscriber.createdAt.toISOString(),
          confirmedAt: iso(subscriber.confirmedAt),
          leftAt: iso(subscriber.leftAt),
          leaveReason: subscriber.leaveReason,
        },
      }),
      signups: signupRows.map((row) => ({
        signedUpAt: row.createdAt.toISOString(),
        form: row.form,
        confirmedAt: iso(row.confirmedAt),
        expiresAt: row.expiresAt.toISOString(),
      })),
      consents: consentRows.map((row) => ({
        signedUpAt: row.signedUpAt.toISOString(),
        confirmedAt: iso(row.confirmedAt),
        form: row.form,
        policyVersion: row.policyVersion,
        method: row.method,
        evidence: row.evidence,
      })),
    },
  };
}

export type Erased = {
  inquiries: number;
  signups: number;
  subscribers: number;
  consents: number;
  counters: number;
};

const cappedKinds: CappedEmail[] = ["newsletter-confirmation", "inquiry-receipt"];

/**
 * Deletes every row about the address, in one transaction: inquiries (with the emails stored
 * for them), signups, the subscriber, its consent records, and the per-address email counters
 * (kept under a hash of the address, so they are found by hashing it again).
 */
export async function erasePersonalData(db: Db, address: string): Promise<Erased> {
  const email = normaliseEmail(address);
  const counterKeys = cappedKinds.map((kind) =>
    createHash("sha256").update(`cap:${kind}:${email}`).digest("hex"),
  );
  return db.transaction(async (tx) => {
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    return {
      inquiries: await count(
        tx.delete(inquiries).where(inquiriesFrom(email)).returning({ id: inquiries.id }),
      ),
      signups: await count(
        tx
          .delete(newsletterSignups)
          .where(eq(newsletterSignups.email, email))
          .returning({ id: newsletterSignups.id }),
      ),
      subscribers: await count(
        tx.delete(subscribers).where(eq(subscribers.email, email)).returning({ email: subscribers.email }),
      ),
      consents: await count(
        tx.delete(consents).where(eq(consents.email, email)).returning({ id: consents.id }),
      ),
      counters: await count(
        tx.delete(rateLimits).where(inArray(rateLimits.key, counterKeys)).returning({ key: rateLimits.key }),
      ),
    };
  });
}
