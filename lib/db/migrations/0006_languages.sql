CREATE TYPE "public"."language" AS ENUM('en', 'de');--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_signups" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_sends" ADD COLUMN "audience" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Every send so far went to the one segment, the English readers'.
ALTER TABLE "newsletter_sends" DROP CONSTRAINT "newsletter_sends_pkey";--> statement-breakpoint
ALTER TABLE "newsletter_sends" ADD CONSTRAINT "newsletter_sends_slug_audience_pk" PRIMARY KEY("slug","audience");
