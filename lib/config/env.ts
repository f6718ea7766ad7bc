import { z } from "zod";
import { siteConfig } from "@/lib/config/site-config";
import type { TrustProxy } from "@/lib/forms/client-address";

const optionalString = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);

// "Name <address@domain>" or a bare address, as Resend accepts it.
const mailbox = z
  .string()
  .trim()
  .refine((value) => {
    const match = /^(?:[^<>\r\n]*<)?([^<>\s]+)>?$/.exec(value);
    return match !== null && z.email().safeParse(match[1]).success;
  }, 'must be an email address or "Name <address@domain>"');

const envSchema = z
  .object({
    SITE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
        .transform((url) => url.replace(/\/+$/, ""))
        .optional(),
    ),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    RESEND_API_KEY: optionalString,
    MAIL_FROM: optionalString.pipe(mailbox.optional()),
    CONTACT_TO_EMAIL: optionalString.pipe(z.email().optional()),
    RESEND_SEGMENT_ID: optionalString,
    RESEND_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .startsWith("whsec_", 'must be the signing secret Resend shows for the webhook ("whsec_...")')
        .optional(),
    ),
    OUTBOX_DIR: optionalString.pipe(z.string().default(".outbox")),
    RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
    TRUST_PROXY: optionalString.pipe(
      z
        .string()
        .default("1")
        .pipe(
          z.union(
            [
              z.enum(["vercel", "x-real-ip", "none"]),
              z
                .string()
                .regex(/^([1-9]|10)$/)
                .transform((hops) => ({ hops: Number(hops) })),
            ],
            { error: 'must be "vercel", "x-real-ip", "none" or a number of X-Forwarded-For hops (1-10)' },
          ),
        ),
    ),
    EMAIL_DAILY_CAP: z.coerce.number().int().positive().default(200),
    NEWSLETTER_CONFIRMATIONS_PER_ADDRESS: z.coerce.number().int().positive().default(2),
    INQUIRY_RECEIPTS_PER_ADDRESS: z.coerce.number().int().positive().default(3),
    CRON_SECRET: optionalString.pipe(
      z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 32)").optional(),
    ),
    ALLOW_OUTBOX_IN_PRODUCTION: optionalString.pipe(
      z.enum(["1", "true", "0", "false"], { error: 'must be "1" or "0"' }).optional(),
    ),
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
  })
  .superRefine((env, ctx) => {
    if (!env.RESEND_API_KEY) return;
    // Real emails carry confirmation links: they must not point at localhost.
    const requiredWithResend = ["SITE_URL", "MAIL_FROM", "CONTACT_TO_EMAIL", "RESEND_SEGMENT_ID"] as const;
    for (const key of requiredWithResend) {
      if (!env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required when RESEND_API_KEY is set",
        });
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
    }
  | {
      transport: "outbox";
      outboxDir: string;
      from: string;
      to: string;
      /** Recorded on outbox broadcasts when set, to show where they would have gone. */
      segmentId: string | undefined;
    };

export type ServerEnv = {
  siteUrl: string;
  production: boolean;
  mail: MailSettings;
  rateLimit: { max: number; windowSeconds: number };
  trustProxy: TrustProxy;
  /**
   * Emails to people who typed an address (newsletter confirmations, inquiry receipts), which may
   * not be theirs: per address per 24 hours, and for the whole site per day.
   */
  emailCaps: { confirmationsPerAddress: number; receiptsPerAddress: number; dailyTotal: number };
  /** Verifies Resend's webhook calls; unset, the webhook route refuses every call. */
  webhookSecret: string | undefined;
  /** Bearer token of the cron route; unset, the route refuses every call. */
  cronSecret: string | undefined;
  /** The owner accepts that a public site writes its mail to a folder instead of sending it. */
  allowOutboxInProduction: boolean;
  /** The coach's booking page (Cal.com, Calendly); unset, people wait for a reply to book. */
  bookingUrl: string | undefined;
};

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "(environment)"} ${issue.message}`,
    );
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const mail: MailSettings = env.RESEND_API_KEY
    ? {
        transport: "resend",
        apiKey: env.RESEND_API_KEY,
        from: env.MAIL_FROM!,
        to: env.CONTACT_TO_EMAIL!,
        segmentId: env.RESEND_SEGMENT_ID!,
      }
    : {
        transport: "outbox",
        outboxDir: env.OUTBOX_DIR,
        from: env.MAIL_FROM ?? `${siteConfig.name} website <website@localhost>`,
        to: env.CONTACT_TO_EMAIL ?? siteConfig.contact.email,
        segmentId: env.RESEND_SEGMENT_ID,
      };
  return {
    siteUrl: env.SITE_URL ?? "http://localhost:3000",
    production: env.NODE_ENV === "production",
    mail,
    rateLimit: {
      max: env.RATE_LIMIT_MAX,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    },
    trustProxy: env.TRUST_PROXY,
    emailCaps: {
      confirmationsPerAddress: env.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS,
      receiptsPerAddress: env.INQUIRY_RECEIPTS_PER_ADDRESS,
      dailyTotal: env.EMAIL_DAILY_CAP,
    },
    webhookSecret: env.RESEND_WEBHOOK_SECRET,
    cronSecret: env.CRON_SECRET,
    allowOutboxInProduction:
      env.ALLOW_OUTBOX_IN_PRODUCTION === "1" || env.ALLOW_OUTBOX_IN_PRODUCTION === "true",
    bookingUrl: env.BOOKING_URL,
  };
}

const localHosts = new Set(["localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]);

/** Whether the origin is one people reach over the internet (not this machine). */
export function isPublicOrigin(origin: string): boolean {
  const { hostname } = new URL(origin);
  return !localHosts.has(hostname) && !hostname.endsWith(".localhost");
}

/**
 * A public site without RESEND_API_KEY would tell people the coach has their message while it
 * sits in a folder a container loses: refuse to start, unless the owner opted in. A laptop
 * (SITE_URL unset, so localhost) is fine.
 */
export function mailConfigurationProblem(env: ServerEnv): string | undefined {
  if (env.mail.transport !== "outbox" || env.allowOutboxInProduction || !isPublicOrigin(env.siteUrl)) {
    return undefined;
  }
  return (
    `RESEND_API_KEY is not set but SITE_URL=${env.siteUrl} is a public site: emails would only be written to ` +
    `${env.mail.outboxDir}/. Set RESEND_API_KEY (and MAIL_FROM, CONTACT_TO_EMAIL, RESEND_SEGMENT_ID), ` +
    `or set ALLOW_OUTBOX_IN_PRODUCTION=1 if that is really what you want.`
  );
}

let cached: ServerEnv | undefined;

/** The environment, parsed once per process. Throws EnvError with every problem listed. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The public origin, without a trailing slash, for canonical URLs and links in emails. */
export function siteUrl(): string {
  return serverEnv().siteUrl;
}
