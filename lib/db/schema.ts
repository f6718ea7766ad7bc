import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
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

/** The language of the page a person used: their emails are written in it. */
export const language = pgEnum("language", ["en", "de"]);

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
    language: language("language").notNull().default("en"),
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

/**
 * How often a cap refused an email to a typed address, per UTC day and kind of email, for the
 * coach's digest: counts only, no address.
 */
export const emailCapHits = pgTable(
  "email_cap_hits",
  {
    day: date("day", { mode: "string" }).notNull(),
    /** `daily:<kind>` (the site's cap) or `address:<kind>` (one mailbox's). */
    kind: text("kind").notNull(),
    hits: integer("hits").notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.kind] })],
);

/**
 * Which mail transports have served this store (`resend`): written when a process configured
 * for Resend starts (the site, or a command that sends). A process without RESEND_API_KEY then
 * refuses to write the queue into the outbox instead (lib/server/mail-guard.ts).
 */
export const mailTransports = pgTable("mail_transports", {
  transport: text("transport").primaryKey(),
  firstUsedAt: timestamptz("first_used_at").notNull(),
  lastUsedAt: timestamptz("last_used_at").notNull(),
});

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
  /** The language they signed up in: the newsletter's issues in it go to them. */
  language: language("language").notNull().default("en"),
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
  /** The first failed attempt of the current run of failures: retries stop 7 days after it. */
  contactSyncFailingSince: timestamptz("contact_sync_failing_since"),
});

export const confirmationStatus = pgEnum("confirmation_status", [
  /** Stored; the email goes right after the answer (or the worker sends it if that was lost). */
  "queued",
  /** The site's daily cap is used up: the worker sends it once the cap resets. */
  "paused",
  /** A send failed in a way that may pass: the worker tries again on the back-off schedule. */
  "retrying",
  "sent",
  /** Retried for 23 hours without success: left for the coach's digest. */
  "failed",
]);

/**
 * A signup waiting for its confirmation link to be used. Only a sha256 of the link's random
 * token is kept, except while an email is waiting to be sent again (`confirmation_email`,
 * cleared once it is sent); unconfirmed rows are deleted 7 days after the signup.
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
    /** The language of the form: the confirmation email and the page its link opens use it. */
    language: language("language").notNull().default("en"),
    createdAt: timestamptz("created_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    /** Set when the link was used; a used link only ever says "You're subscribed". */
    confirmedAt: timestamptz("confirmed_at"),
    confirmationStatus: confirmationStatus("confirmation_status").notNull().default("sent"),
    /** The rendered email, kept only while a send may have to be repeated with the same key. */
    confirmationEmail: jsonb("confirmation_email").$type<StoredEmail>(),
    confirmationAttempts: integer("confirmation_attempts").notNull().default(0),
    confirmationNextAttemptAt: timestamptz("confirmation_next_attempt_at"),
    confirmationLeaseUntil: timestamptz("confirmation_lease_until"),
    confirmationLastError: text("confirmation_last_error"),
    /** When the email was first tried: its idempotency key is good for 24 hours from then. */
    confirmationKeyIssuedAt: timestamptz("confirmation_key_issued_at"),
  },
  (table) => [
    index("newsletter_signups_email_idx").on(table.email),
    index("newsletter_signups_created_at_idx").on(table.createdAt),
    index("newsletter_signups_confirmation_idx").on(table.confirmationStatus),
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
export const newsletterSends = pgTable(
  "newsletter_sends",
  {
    slug: text("slug").notNull(),
    /** Whose segment it went to: the readers of one language (an issue for everyone goes to each). */
    audience: language("audience").notNull().default("en"),
    broadcastId: text("broadcast_id").notNull(),
    /** `newsletter:<slug>`: how the broadcast is found in Resend. */
    broadcastName: text("broadcast_name").notNull(),
    segmentId: text("segment_id"),
    status: newsletterSendStatus("status").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
    sendRequestedAt: timestamptz("send_requested_at"),
    sentAt: timestamptz("sent_at"),
  },
  (table) => [primaryKey({ columns: [table.slug, table.audience] })],
);

// --- analytics (lib/analytics, docs/analytics.md) ----------------------------------------------

/**
 * Today's random salt for the visitor hash (sha256 of salt, site, client address group, user
 * agent). One row per UTC day; the worker deletes every row before today, so a visitor cannot be
 * followed across days. Never backed up (`notBackedUp` in lib/db/backup.ts).
 */
export const analyticsSalts = pgTable("analytics_salts", {
  day: date("day", { mode: "string" }).primaryKey(),
  salt: text("salt").notNull(),
  createdAt: timestamptz("created_at").notNull(),
});

/**
 * One row per page view, written in batches by POST /api/events. `view_id` is a random id the
 * beacon makes per page view in memory (never stored on the device): the view's end (time on
 * page, Web Vitals) updates the same row. No address, no query string beyond UTM and `ref`.
 */
export const analyticsPageViews = pgTable(
  "analytics_page_views",
  {
    viewId: text("view_id").primaryKey(),
    at: timestamptz("at").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** The daily visitor hash (hex): the same person on another day has another one. */
    visitor: text("visitor").notNull(),
    path: text("path").notNull(),
    language: language("language").notNull(),
    /** The referring site's host, not our own; empty for none. */
    referrerHost: text("referrer_host").notNull().default(""),
    utmSource: text("utm_source").notNull().default(""),
    utmMedium: text("utm_medium").notNull().default(""),
    utmCampaign: text("utm_campaign").notNull().default(""),
    /** "mobile", "tablet" or "desktop", from the User-Agent header on the server. */
    device: text("device").notNull(),
    durationMs: integer("duration_ms"),
    lcpMs: integer("lcp_ms"),
    inpMs: integer("inp_ms"),
    cls: real("cls"),
    fcpMs: integer("fcp_ms"),
    ttfbMs: integer("ttfb_ms"),
  },
  (table) => [
    index("analytics_page_views_day_idx").on(table.day),
    index("analytics_page_views_visitor_idx").on(table.day, table.visitor, table.at),
  ],
);

export const conversionKind = pgEnum("conversion_kind", ["inquiry", "signup", "confirmed", "booking"]);

/**
 * One row per conversion, recorded on the server where it happens, attributed through the
 * day's visitor hash to that visitor's first page view of the day (landing page and source).
 */
export const analyticsConversions = pgTable(
  "analytics_conversions",
  {
    id: uuid("id").primaryKey(),
    at: timestamptz("at").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    kind: conversionKind("kind").notNull(),
    visitor: text("visitor").notNull(),
    language: language("language").notNull(),
    /** The visitor's first page of the day; empty when no page view was seen (no JavaScript). */
    landingPath: text("landing_path").notNull().default(""),
    /** utm_source, else the referrer's host, else "direct". */
    source: text("source").notNull().default("direct"),
    utmMedium: text("utm_medium").notNull().default(""),
    utmCampaign: text("utm_campaign").notNull().default(""),
  },
  (table) => [index("analytics_conversions_day_idx").on(table.day)],
);

/** Per day and page, what is kept once raw page views pass the retention (ANALYTICS_RETENTION_MONTHS). */
export const analyticsDailyPages = pgTable(
  "analytics_daily_pages",
  {
    day: date("day", { mode: "string" }).notNull(),
    path: text("path").notNull(),
    views: integer("views").notNull(),
    visitors: integer("visitors").notNull(),
    landings: integer("landings").notNull(),
    lcpP75: integer("lcp_p75"),
    inpP75: integer("inp_p75"),
    clsP75: real("cls_p75"),
    fcpP75: integer("fcp_p75"),
    ttfbP75: integer("ttfb_p75"),
  },
  (table) => [primaryKey({ columns: [table.day, table.path] })],
);

/**
 * Per day, source and landing page: visitors who landed (`kind` "visit") and conversions by kind.
 * Written with the page rollup; the day's `analytics_daily_pages` rows mark it as rolled up.
 */
export const analyticsDailySources = pgTable(
  "analytics_daily_sources",
  {
    day: date("day", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    landingPath: text("landing_path").notNull(),
    kind: text("kind").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.source, table.landingPath, table.kind] })],
);

/** One row per week (its Monday, UTC) the weekly analytics report went to the coach. */
export const analyticsReports = pgTable("analytics_reports", {
  week: date("week", { mode: "string" }).primaryKey(),
  sentAt: timestamptz("sent_at").notNull(),
});

export type SubscriberRow = typeof subscribers.$inferSelect;
export type NewsletterSendRow = typeof newsletterSends.$inferSelect;
export type SignupRow = typeof newsletterSignups.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type InquiryRow = typeof inquiries.$inferSelect;
export type InquiryStatus = (typeof inquiryStatus.enumValues)[number];
export const schema = {
  language,
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
  confirmationStatus,
  emailCapHits,
  mailTransports,
  analyticsSalts,
  analyticsPageViews,
  conversionKind,
  analyticsConversions,
  analyticsDailyPages,
  analyticsDailySources,
  analyticsReports,
};
