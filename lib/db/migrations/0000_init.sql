CREATE TYPE "public"."inquiry_status" AS ENUM('received', 'delivered', 'retrying', 'failed', 'held');--> statement-breakpoint
CREATE TYPE "public"."receipt_status" AS ENUM('pending', 'delivered', 'retrying', 'failed');--> statement-breakpoint
CREATE TABLE "digests" (
	"day" date PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"held_count" integer NOT NULL,
	"failed_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"status" "inquiry_status" NOT NULL,
	"held_reason" text,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"coach_email" jsonb NOT NULL,
	"receipt_email" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"key_issued_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"receipt_status" "receipt_status",
	"receipt_attempts" integer DEFAULT 0 NOT NULL,
	"receipt_next_attempt_at" timestamp with time zone,
	"receipt_last_error" text,
	"receipt_delivered_at" timestamp with time zone,
	CONSTRAINT "inquiries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "inquiries_dedupe_key_created_at_idx" ON "inquiries" USING btree ("dedupe_key","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_due_idx" ON "inquiries" USING btree ("next_attempt_at") WHERE "inquiries"."status" in ('received', 'retrying');--> statement-breakpoint
CREATE INDEX "inquiries_receipt_due_idx" ON "inquiries" USING btree ("receipt_next_attempt_at") WHERE "inquiries"."receipt_status" in ('pending', 'retrying');--> statement-breakpoint
CREATE INDEX "inquiries_created_at_idx" ON "inquiries" USING btree ("created_at");