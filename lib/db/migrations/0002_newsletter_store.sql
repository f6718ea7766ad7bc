CREATE TYPE "public"."contact_sync_status" AS ENUM('pending', 'synced', 'retrying', 'failed');--> statement-breakpoint
CREATE TYPE "public"."leave_reason" AS ENUM('unsubscribed', 'bounced', 'complained');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('confirmed', 'unsubscribed');--> statement-breakpoint
ALTER TYPE "public"."receipt_status" ADD VALUE 'skipped';--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"form" text NOT NULL,
	"policy_version" text,
	"method" text NOT NULL,
	"evidence" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_signups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"form" text NOT NULL,
	"policy_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "newsletter_signups_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"email" text PRIMARY KEY NOT NULL,
	"first_name" text,
	"status" "subscriber_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"leave_reason" "leave_reason",
	"contact_sync" "contact_sync_status" DEFAULT 'pending' NOT NULL,
	"contact_sync_attempts" integer DEFAULT 0 NOT NULL,
	"contact_next_sync_at" timestamp with time zone,
	"contact_sync_error" text
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "receipt_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "consents_email_idx" ON "consents" USING btree ("email");--> statement-breakpoint
CREATE INDEX "newsletter_signups_email_idx" ON "newsletter_signups" USING btree ("email");--> statement-breakpoint
CREATE INDEX "newsletter_signups_created_at_idx" ON "newsletter_signups" USING btree ("created_at");