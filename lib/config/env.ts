import ipaddr from "ipaddr.js";
import { z } from "zod";
import { siteConfig } from "@/lib/config/site-config";

/**
 * The one place the environment is read. Each section parses alone, on first use, so a database
 * command needs no mail settings; `serverEnv()` parses them all and names every problem at once
 * (start-up calls it). Read elsewhere, by necessity: next.config.ts (`NODE_ENV` for HSTS),
 * instrumentation.ts (`NEXT_RUNTIME`, `NEXT_PHASE`) and the Resend SDK (`RESEND_BASE_URL`).
 */

type Source = Record<string, string | undefined>;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// "Name <address@domain>" or a bare address, as Resend accepts it.
const mailbox = z
  .string()
  .trim()
  .refine((value) => {
    const match = /^(?:[^<>\r\n]*<)?([^<>\s]+)>?$/.exec(value);
    return match !== null && z.email().safeParse(match[1]).success;
  }, 'must be an email address or "Name <address@domain>"');

const siteUrlField = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
);

// --- site -------------------------------------------------------------------------------------

const siteSchema = z.object({
  SITE_URL: siteUrlField,
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // A link we hand people with their name and email in it: never over plain http.
  BOOKING_URL: optionalString.pipe(
    z
      .url({
        protocol: /^https$/,
        hostname: z.regexes.domain,
        error: "must be an absolute https URL (your Cal.com or Calendly booking page)",
      })
      .optional(),
  ),
});

export type SiteEnv = {
  /** The public origin, without a trailing slash: canonical URLs, links in emails. */
  siteUrl: string;
  production: boolean;
  /** The coach's booking page (Cal.com, Calendly); unset, people wait for a reply to book. */
  bookingUrl: string | undefined;
};

const buildSite = (env: z.output<typeof siteSchema>): SiteEnv => ({
  siteUrl: env.SITE_URL ?? "http://localhost:3000",
  production: env.NODE_ENV === "production",
  bookingUrl: env.BOOKING_URL,
});

// --- mail -------------------------------------------------------------------------------------

const mailSchema = z
  .object({
    SITE_URL: siteUrlField,
    RESEND_API_KEY: optionalString,
    MAIL_FROM: optionalString.pipe(mailbox.optional()),
    CONTACT_TO_EMAIL: optionalString.pipe(z.email().optional()),
    RESEND_SEGMENT_ID: optionalString,
    // German subscribers' segment; unset, they join RESEND_SEGMENT_ID and German issues wait.
    RESEND_SEGMENT_ID_DE: optionalString,
    RESEND_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .startsWith("whsec_", 'must be the signing secret Resend shows for the webhook ("whsec_...")')
        .optional(),
    ),
    OUTBOX_DIR: optionalString.pipe(z.string().default(".outbox")),
    ALLOW_OUTBOX_IN_PRODUCTION: optionalString.pipe(
      z.enum(["1", "true", "0", "false"], { error: 'must be "1" or "0"' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (!env.RESEND_API_KEY) return;
    // Real emails carry confirmation links: they must not point at localhost.
    const requiredWithResend = ["SITE_URL", "MAIL_FROM", "CONTACT_TO_EMAIL", "RESEND_SEGMENT_ID"] as const;
    for (const key of requiredWithResend) {
      if (!env[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: "is required when RESEND_API_KEY is set" });
      }
    }
  });

export type MailSettings =
  | {
      transport: "resend";
      apiKey: string;
      from: string;
      to: string;
      segmentId: string;
      /** The German readers' segment, when the newsletter has one (RESEND_SEGMENT_ID_DE). */
      germanSegmentId: string | undefined;
    }
  | {
      transport: "outbox";
      outboxDir: string;
      from: string;
      to: string;
      /** Recorded on outbox broadcasts when set, to show where they would have gone. */
      segmentId: string | undefined;
      germanSegmentId: string | undefined;
    };

export type MailEnv = {
  mail: MailSettings;
  /** Verifies Resend's webhook calls; unset, the webhook route refuses every call. */
  webhookSecret: string | undefined;
  /** The owner accepts that a public site writes its mail to a folder instead of sending it. */
  allowOutboxInProduction: boolean;
};

const buildMail = (env: z.output<typeof mailSchema>): MailEnv => ({
  mail: env.RESEND_API_KEY
    ? {
        transport: "resend",
        apiKey: env.RESEND_API_KEY,
        from: env.MAIL_FROM!,
        to: env.CONTACT_TO_EMAIL!,
        segmentId: env.RESEND_SEGMENT_ID!,
        germanSegmentId: env.RESEND_SEGMENT_ID_DE,
      }
    : {
        transport: "outbox",
        outboxDir: env.OUTBOX_DIR,
        from: env.MAIL_FROM ?? `${siteConfig.name} website <website@localhost>`,
        to: env.CONTACT_TO_EMAIL ?? siteConfig.contact.email,
        segmentId: env.RESEND_SEGMENT_ID,
        germanSegmentId: env.RESEND_SEGMENT_ID_DE,
      },
  webhookSecret: env.RESEND_WEBHOOK_SECRET,
  allowOutboxInProduction:
    env.ALLOW_OUTBOX_IN_PRODUCTION === "1" || env.ALLOW_OUTBOX_IN_PRODUCTION === "true",
});

// --- database ---------------------------------------------------------------------------------

const databaseSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().trim().default(".data")),
  // Set to 1 by the embedded store's owner (`npm start`): its socket serves one session.
  DATABASE_POOL_SIZE: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

export type DatabaseSettings = ({ kind: "server"; url: string } | { kind: "embedded"; dataDir: string }) & {
  poolSize?: number;
};

const buildDatabase = (env: z.output<typeof databaseSchema>): DatabaseSettings => ({
  ...(env.DATABASE_URL
    ? { kind: "server" as const, url: env.DATABASE_URL }
    : { kind: "embedded" as const, dataDir: env.DATA_DIR }),
  ...(env.DATABASE_POOL_SIZE ? { poolSize: env.DATABASE_POOL_SIZE } : {}),
});

// --- limits -----------------------------------------------------------------------------------

/**
 * Which proxy in front of the site to believe about the client's address (TRUST_PROXY):
 * - `none` (the default, TRUST_PROXY unset): no proxy; the address of the connection's socket,
 *   which the site's server (`npm start`) passes in a header signed with CLIENT_ADDRESS_KEY.
 * - `{ hops: n }`: the n-th `X-Forwarded-For` entry from the end, as appended by the n proxies
 *   in front of `npm start` (one reverse proxy: 1). Earlier entries come from the client.
 * - `vercel`: Vercel's own header, which its edge overwrites.
 * - `x-real-ip`: a proxy that sets `X-Real-IP` and drops the client's.
 * A header the setting does not name is never read.
 */
export type TrustProxy = { hops: number } | "vercel" | "x-real-ip" | "none";

const limitsSchema = z.object({
  RATE_LIMIT_MAX: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(600),
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .default("none")
      .pipe(
        z.union(
          [
            z.enum(["vercel", "x-real-ip", "none"]),
            z
              .string()
              .regex(/^([1-9]|10)$/)
              .transform((hops) => ({ hops: Number(hops) })),
          ],
          {
            error:
              'must be "none" (no proxy: the socket\'s address), a number of X-Forwarded-For hops (1-10), "x-real-ip" or "vercel"',
          },
        ),
      ),
  ),
  // Made by the site's server (scripts/server/serve-next.mjs) at each start; never set by hand.
  CLIENT_ADDRESS_KEY: optionalString,
  EMAIL_DAILY_CAP: positiveInt(200),
  NEWSLETTER_CONFIRMATIONS_PER_ADDRESS: positiveInt(2),
  INQUIRY_RECEIPTS_PER_ADDRESS: positiveInt(3),
});

export type LimitsEnv = {
  rateLimit: { max: number; windowSeconds: number };
  trustProxy: TrustProxy;
  /** Checks the socket address the site's server signed; unset outside `npm start`. */
  clientAddressKey: string | undefined;
  /**
   * Emails to people who typed an address (newsletter confirmations, inquiry receipts), which may
   * not be theirs: per address per 24 hours, and for the whole site per day.
   */
  emailCaps: { confirmationsPerAddress: number; receiptsPerAddress: number; dailyTotal: number };
};

const buildLimits = (env: z.output<typeof limitsSchema>): LimitsEnv => ({
  rateLimit: { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
  trustProxy: env.TRUST_PROXY,
  clientAddressKey: env.CLIENT_ADDRESS_KEY,
  emailCaps: {
    confirmationsPerAddress: env.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS,
    receiptsPerAddress: env.INQUIRY_RECEIPTS_PER_ADDRESS,
    dailyTotal: env.EMAIL_DAILY_CAP,
  },
});

// --- jobs -------------------------------------------------------------------------------------

const jobsSchema = z.object({
  INQUIRY_RETENTION_DAYS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().positive("must be a whole number of days, 1 or more").default(365),
  ),
  CRON_SECRET: optionalString.pipe(
    z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 32)").optional(),
  ),
});

export type JobsEnv = {
  /** Inquiries older than this many days are deleted by the worker. */
  retentionDays: number;
  /** Bearer token of the cron route; unset, the route refuses every call. */
  cronSecret: string | undefined;
};

const buildJobs = (env: z.output<typeof jobsSchema>): JobsEnv => ({
  retentionDays: env.INQUIRY_RETENTION_DAYS,
  cronSecret: env.CRON_SECRET,
});

// --- analytics --------------------------------------------------------------------------------

const analyticsSchema = z.object({
  // Read when the pages are built (the beacon is in the prerendered HTML), like SITE_URL.
  ANALYTICS: z.preprocess(
    (value) => (typeof value === "string" ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  ),
  ANALYTICS_RETENTION_MONTHS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().positive("must be a whole number of months, 1 or more").default(13),
  ),
});

export type AnalyticsEnv = {
  /** ANALYTICS=off: no beacon in the pages, POST /api/events answers 404, nothing is written. */
  analyticsEnabled: boolean;
  /** Raw page views and conversions older than this are deleted; daily rollups stay. */
  analyticsRetentionMonths: number;
};

const buildAnalytics = (env: z.output<typeof analyticsSchema>): AnalyticsEnv => ({
  analyticsEnabled: env.ANALYTICS === "on",
  analyticsRetentionMonths: env.ANALYTICS_RETENTION_MONTHS,
});

// --- parsing ----------------------------------------------------------------------------------

/** A bad setting, with every problem found listed; `variable` is the first one to fix. */
export class EnvError extends Error {
  override name = "EnvError";
  constructor(
    message: string,
    readonly variable?: string,
  ) {
    super(message);
  }
}

type Parsed<T> = { value: T; issues?: undefined } | { value?: undefined; issues: z.core.$ZodIssue[] };

function parseSection<S extends z.ZodType, T>(schema: S, build: (env: z.output<S>) => T, source: Source) {
  const result = schema.safeParse(source);
  return (result.success ? { value: build(result.data) } : { issues: result.error.issues }) as Parsed<T>;
}

function envError(issues: z.core.$ZodIssue[]): EnvError {
  const lines = [
    ...new Set(issues.map((issue) => `  - ${issue.path.join(".") || "(environment)"} ${issue.message}`)),
  ];
  const first = issues[0]?.path[0];
  return new EnvError(
    `Invalid environment configuration:\n${lines.join("\n")}`,
    typeof first === "string" ? first : undefined,
  );
}

function section<S extends z.ZodType, T>(schema: S, build: (env: z.output<S>) => T) {
  let cached: T | undefined;
  const parse = (source: Source): T => {
    const parsed = parseSection(schema, build, source);
    if (parsed.issues) throw envError(parsed.issues);
    return parsed.value;
  };
  return {
    parse,
    /** Parsed from the process's environment once, on first use. */
    current: (): T => (cached ??= parse(process.env)),
  };
}

const sections = {
  site: section(siteSchema, buildSite),
  mail: section(mailSchema, buildMail),
  database: section(databaseSchema, buildDatabase),
  limits: section(limitsSchema, buildLimits),
  jobs: section(jobsSchema, buildJobs),
  analytics: section(analyticsSchema, buildAnalytics),
};

export const siteEnv = sections.site.current;
export const mailEnv = sections.mail.current;
export const databaseEnv = sections.database.current;
export const limitsEnv = sections.limits.current;
export const jobsEnv = sections.jobs.current;
export const analyticsEnv = sections.analytics.current;
/** For commands and tests that pass their own environment (openStore's `env`). */
export const parseDatabaseEnv = sections.database.parse;

export type ServerEnv = SiteEnv &
  MailEnv &
  LimitsEnv &
  JobsEnv &
  AnalyticsEnv & { database: DatabaseSettings };

/** Every section at once, with every problem of every section in one EnvError. */
export function parseServerEnv(source: Source): ServerEnv {
  const parts = {
    site: parseSection(siteSchema, buildSite, source),
    mail: parseSection(mailSchema, buildMail, source),
    database: parseSection(databaseSchema, buildDatabase, source),
    limits: parseSection(limitsSchema, buildLimits, source),
    jobs: parseSection(jobsSchema, buildJobs, source),
    analytics: parseSection(analyticsSchema, buildAnalytics, source),
  };
  const issues = Object.values(parts).flatMap((part) => part.issues ?? []);
  if (issues.length > 0) throw envError(issues);
  return {
    ...parts.site.value!,
    ...parts.mail.value!,
    ...parts.limits.value!,
    ...parts.jobs.value!,
    ...parts.analytics.value!,
    database: parts.database.value!,
  };
}

let cachedServerEnv: ServerEnv | undefined;

/** The whole environment, parsed once per process: what start-up checks before serving. */
export function serverEnv(): ServerEnv {
  cachedServerEnv ??= parseServerEnv(process.env);
  return cachedServerEnv;
}

/** The public origin, without a trailing slash, for canonical URLs and links in emails. */
export function siteUrl(): string {
  return siteEnv().siteUrl;
}

/** `next dev`: content is read again on every request so edits show without a restart. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/**
 * Whether the origin is one people reach over the internet, decided by SITE_URL's host alone
 * (never NODE_ENV: `npm run serve` and the benchmarks run a production build on this machine):
 * `localhost`, `*.localhost`, a loopback address (127.0.0.0/8, ::1) or 0.0.0.0 is this machine.
 */
export function isPublicOrigin(origin: string): boolean {
  const hostname = new URL(origin).hostname.replace(/^\[(.*)\]$/, "$1");
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return false;
  if (!ipaddr.isValid(hostname)) return true;
  const range = ipaddr.process(hostname).range();
  return range !== "loopback" && range !== "unspecified";
}

/**
 * Where mail may go, one rule for the site's start-up and every command that sends: without
 * RESEND_API_KEY mail is written to the outbox folder and counts as delivered, which is right
 * only for a local site (SITE_URL unset, localhost or loopback) or when the owner opted in
 * (ALLOW_OUTBOX_IN_PRODUCTION=1). A store that Resend has served (`resendUsedAt`, recorded in
 * the store by lib/server/mail-guard.ts) means the key is missing from this process's
 * environment (set by systemd or a container, not in this shell): refused too, whatever SITE_URL.
 */
export function mailConfigurationProblem(
  env: SiteEnv & MailEnv,
  { resendUsedAt }: { resendUsedAt?: Date } = {},
): string | undefined {
  if (env.mail.transport !== "outbox" || env.allowOutboxInProduction) return undefined;
  if (resendUsedAt) {
    return (
      `RESEND_API_KEY is not set, but this store's mail goes through Resend (last used ${resendUsedAt.toISOString()}): ` +
      `its queue would be written to ${env.mail.outboxDir}/ and marked delivered. Set RESEND_API_KEY as the site has it ` +
      `(a key set by systemd or a container is not in this shell's environment), or set ALLOW_OUTBOX_IN_PRODUCTION=1 ` +
      `if this store's mail really goes to the outbox now.`
    );
  }
  if (!isPublicOrigin(env.siteUrl)) return undefined;
  return (
    `RESEND_API_KEY is not set but SITE_URL=${env.siteUrl} is a public site: emails would only be written to ` +
    `${env.mail.outboxDir}/. Set RESEND_API_KEY (and MAIL_FROM, CONTACT_TO_EMAIL, RESEND_SEGMENT_ID), ` +
    `or set ALLOW_OUTBOX_IN_PRODUCTION=1 if that is really what you want.`
  );
}
