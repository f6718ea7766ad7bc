import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** An email as it will be sent, rendered once when the inquiry is stored so every retry sends the same bytes. */
export type StoredEmail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  tags?: { name: string; value: string }[];
};

/** What the person typed, after validation. */
export type InquiryPayload = {
  name: string;
  email: string;
  company?: string;
  role?: string;
  message: string;
};

export const inquiryStatus = pgEnum("inquiry_status", [
  "received",
  "delivered",
  "retrying",
  "failed",
  "held",
]);

export const receiptStatus = pgEnum("receipt_status", [
  "pending",
  "delivered",
  "retrying",
  "failed",
  /** Not sent: the address had its receipts for the day, or the site reached its daily cap. */
  "skipped",
]);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const inquiries = pgTable(
  "inquiries",
  {
    id: uuid("id").primaryKey(),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
    status: inquiryStatus("status").notNull(),
    /** Why a row is held (the bot check that caught it), for the coach. */
    heldReason: text("held_reason"),
    /** sha256 of the normalised content: the same inquiry within 24 hours is stored once. */
    dedupeKey: text("dedupe_key").notNull(),
    payload: jsonb("payload").$type<InquiryPayload>().notNull(),
    coachEmail: jsonb("coach_email").$type<StoredEmail>().notNull(),
    receiptEmail: jsonb("receipt_email").$type<StoredEmail>().notNull(),
    /** Sent with every attempt, so Resend delivers the coach's email once. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** When the key was first used; Resend forgets keys after 24 hours, so attempts stop at 23. */
    keyIssuedAt: timestamptz("key_issued_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamptz("last_attempt_at"),
    nextAttemptAt: timestamptz("next_attempt_at"),
    /** A worker holding the row until then; no transaction stays open while it calls Resend. */
    leaseUntil: timestamptz("lease_until"),
    lastError: text("last_error"),
    deliveredAt: timestamptz("delivered_at"),
    /** Null until the coach's email is delivered: only then is the receipt queued. */
    receiptStatus: receiptStatus("receipt_status"),
    /** Decided when the inquiry is stored (per-recipient and daily caps): false means "skipped". */
    receiptAllowed: boolean("receipt_allowed").notNull().default(true),
    receiptAttempts: integer("receipt_attempts").notNull().default(0),
    receiptNextAttemptAt: timestamptz("receipt_next_attempt_at"),
    receiptLastError: text("receipt_last_error"),
    receiptDeliveredAt: timestamptz("receipt_delivered_at"),
  },
  (table) => [
    index("inquiries_dedupe_key_created_at_idx").on(table.dedupeKey, table.createdAt),
    index("inquiries_due_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('received', 'retrying')`),
    index("inquiries_receipt_due_idx")
      .on(table.receiptNextAttemptAt)
      .where(sql`${table.receiptStatus} in ('pending', 'retrying')`),
    index("inquiries_created_at_idx").on(table.createdAt),
  ],
);

/** One row per day a digest went to the coach, so it goes at most once a day whatever runs the worker. */
export const digests = pgTable("digests", {
  day: date("day", { mode: "string" }).primaryKey(),
  sentAt: timestamptz("sent_at").notNull(),
  heldCount: integer("held_count").notNull(),
  failedCount: integer("failed_count").notNull(),
});

/**
 * Rate-limit counters shared by every instance of the site: one row per form and client, keyed
 * on a sha256 of "form:address" (the address itself is never stored), gone once it expires.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expiresAt: timestamptz("expires_at").notNull(),
});

export const subscriberStatus = pgEnum("subscriber_status", ["confirmed", "unsubscribed"]);

/** Why an address left the list, as Resend reported it (or the person asked for erasure). */
export const leaveReason = pgEnum("leave_reason", ["unsubscribed", "bounced", "complained"]);

export const contactSyncStatus = pgEnum("contact_sync_status", ["pending", "synced", "retrying", "failed"]);

/**
 * One row per newsletter address (normalised: trimmed, lower case) once it has confirmed or
 * has been reported unsubscribed, bounced or complained. Pending signups live in
 * `newsletter_signups` until they are confirmed.
 */
export const subscribers = pgTable("subscribers", {
  email: text("email").primaryKey(),
  firstName: text("first_name"),
  status: subscriberStatus("status").notNull(),
  createdAt: timestamptz("created_at").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
  /** The first confirmation of the current subscription. */
  confirmedAt: timestamptz("confirmed_at"),
  leftAt: timestamptz("left_at"),
  leaveReason: leaveReason("leave_reason"),
  /** The Resend contact is written by the worker when the call at confirmation failed. */
  contactSync: contactSyncStatus("contact_sync").notNull().default("pending"),
  contactSyncAttempts: integer("contact_sync_attempts").notNull().default(0),
  contactNextSyncAt: timestamptz("contact_next_sync_at"),
  contactSyncError: text("contact_sync_error"),
});

/**
 * A signup waiting for its confirmation link to be used. Only a sha256 of the link's random
 * token is kept; unconfirmed rows are deleted 7 days after the signup.
 */
export const newsletterSignups = pgTable(
  "newsletter_signups",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    firstName: text("first_name"),
    /** Which form the person used (the footer band, the newsletter page...). */
    form: text("form").notNull(),
    policyVersion: text("policy_version").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    /** Set when the link was used; a used link only ever says "You're subscribed". */
    confirmedAt: timestamptz("confirmed_at"),
  },
  (table) => [
    index("newsletter_signups_email_idx").on(table.email),
    index("newsletter_signups_created_at_idx").on(table.createdAt),
  ],
);

/**
 * The evidence of each consent, written once and never updated: when the person signed up and
 * confirmed, on which form, under which privacy policy (or, for an imported list, what the
 * coach holds as evidence).
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    signedUpAt: timestamptz("signed_up_at").notNull(),
    confirmedAt: timestamptz("confirmed_at"),
    form: text("form").notNull(),
    policyVersion: text("policy_version"),
    /** "double-opt-in", or "import" with the coach's evidence in `evidence`. */
    method: text("method").notNull(),
    evidence: text("evidence"),
    recordedAt: timestamptz("recorded_at").notNull(),
  },
  (table) => [index("consents_email_idx").on(table.email)],
);

export const newsletterSendStatus = pgEnum("newsletter_send_status", [
  /** A draft broadcast exists in Resend (or the outbox); nothing went to subscribers. */
  "draft",
  /** The send was asked for and its answer did not arrive: treated as sent until checked. */
  "sending",
  "sent",
]);

/**
 * One row per newsletter issue that has a broadcast, so an issue goes to the list once whatever
 * machine runs the command; Resend's own list of broadcasts (by name) is checked as well.
 */
export const newsletterSends = pgTable("newsletter_sends", {
  slug: text("slug").primaryKey(),
  broadcastId: text("broadcast_id").notNull(),
  /** `newsletter:<slug>`: how the broadcast is found in Resend. */
  broadcastName: text("broadcast_name").notNull(),
  segmentId: text("segment_id"),
  status: newsletterSendStatus("status").notNull(),
  createdAt: timestamptz("created_at").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
  sendRequestedAt: timestamptz("send_requested_at"),
  sentAt: timestamptz("sent_at"),
});

export type SubscriberRow = typeof subscribers.$inferSelect;
export type NewsletterSendRow = typeof newsletterSends.$inferSelect;
export type SignupRow = typeof newsletterSignups.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type InquiryRow = typeof inquiries.$inferSelect;
export type InquiryStatus = (typeof inquiryStatus.enumValues)[number];
export const schema = {
  inquiries,
  digests,
  rateLimits,
  subscribers,
  newsletterSignups,
  consents,
  newsletterSends,
  inquiryStatus,
  receiptStatus,
  subscriberStatus,
  leaveReason,
  contactSyncStatus,
  newsletterSendStatus,
};
