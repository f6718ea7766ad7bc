import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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

export const receiptStatus = pgEnum("receipt_status", ["pending", "delivered", "retrying", "failed"]);

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

export type InquiryRow = typeof inquiries.$inferSelect;
export type InquiryStatus = (typeof inquiryStatus.enumValues)[number];
export const schema = { inquiries, digests, rateLimits, inquiryStatus, receiptStatus };
