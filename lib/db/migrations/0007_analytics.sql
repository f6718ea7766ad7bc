CREATE TYPE "public"."conversion_kind" AS ENUM('inquiry', 'signup', 'confirmed', 'booking');--> statement-breakpoint
CREATE TABLE "analytics_conversions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"kind" "conversion_kind" NOT NULL,
	"visitor" text NOT NULL,
	"language" "language" NOT NULL,
	"landing_path" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'direct' NOT NULL,
	"utm_medium" text DEFAULT '' NOT NULL,
	"utm_campaign" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_pages" (
	"day" date NOT NULL,
	"path" text NOT NULL,
	"views" integer NOT NULL,
	"visitors" integer NOT NULL,
	"landings" integer NOT NULL,
	"lcp_p75" integer,
	"inp_p75" integer,
	"cls_p75" real,
	"fcp_p75" integer,
	"ttfb_p75" integer,
	CONSTRAINT "analytics_daily_pages_day_path_pk" PRIMARY KEY("day","path")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_sources" (
	"day" date NOT NULL,
	"source" text NOT NULL,
	"landing_path" text NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "analytics_daily_sources_day_source_landing_path_kind_pk" PRIMARY KEY("day","source","landing_path","kind")
);
--> statement-breakpoint
CREATE TABLE "analytics_page_views" (
	"view_id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"path" text NOT NULL,
	"language" "language" NOT NULL,
	"referrer_host" text DEFAULT '' NOT NULL,
	"utm_source" text DEFAULT '' NOT NULL,
	"utm_medium" text DEFAULT '' NOT NULL,
	"utm_campaign" text DEFAULT '' NOT NULL,
	"device" text NOT NULL,
	"duration_ms" integer,
	"lcp_ms" integer,
	"inp_ms" integer,
	"cls" real,
	"fcp_ms" integer,
	"ttfb_ms" integer
);
--> statement-breakpoint
CREATE TABLE "analytics_reports" (
	"week" date PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_conversions_day_idx" ON "analytics_conversions" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_page_views_day_idx" ON "analytics_page_views" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_page_views_visitor_idx" ON "analytics_page_views" USING btree ("day","visitor","at");