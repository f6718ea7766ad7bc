CREATE TYPE "public"."confirmation_status" AS ENUM('queued', 'paused', 'retrying', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "email_cap_hits" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "email_cap_hits_day_kind_pk" PRIMARY KEY("day","kind")
);
--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_status" "confirmation_status" DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_email" jsonb;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_last_error" text;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "confirmation_key_issued_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "newsletter_signups_confirmation_idx" ON "newsletter_signups" USING btree ("confirmation_status");