CREATE TYPE "public"."newsletter_send_status" AS ENUM('draft', 'sending', 'sent');--> statement-breakpoint
CREATE TABLE "newsletter_sends" (
	"slug" text PRIMARY KEY NOT NULL,
	"broadcast_id" text NOT NULL,
	"broadcast_name" text NOT NULL,
	"segment_id" text,
	"status" "newsletter_send_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"send_requested_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
