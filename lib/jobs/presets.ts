import "server-only";
import { analyticsEnv, jobsEnv, mailEnv } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import type { Db } from "@/lib/db/client";
import { configuredLimits } from "@/lib/forms/configured-limits";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import { timing } from "@/lib/mail/timing";
import { runMaintenancePass, type PassOptions, type PassResult } from "@/lib/jobs/maintenance";

/**
 * How each caller runs the pass, in one table. `timer`: every minute inside `npm start`;
 * `cron`: the cron route on a serverless host; `manual`: `npm run deliver`, which a person runs
 * to send everything now and watches (so no digest: they are looking already).
 */
export const passPresets = {
  timer: { deadlineMs: timing.passMs, ignoreBackoff: false, digest: true },
  cron: { deadlineMs: timing.passMs, ignoreBackoff: false, digest: true },
  manual: { deadlineMs: timing.manualPassMs, ignoreBackoff: true, digest: false },
} as const satisfies Record<string, { deadlineMs: number; ignoreBackoff: boolean; digest: boolean }>;

export type PassPreset = keyof typeof passPresets;

/** The pass's options from the environment: the site's mailer, retention, the coach's digest. */
export function configuredPassOptions(preset: PassPreset): PassOptions {
  const { deadlineMs, ignoreBackoff, digest } = passPresets[preset];
  const { mail } = mailEnv();
  const { analyticsEnabled, analyticsRetentionMonths } = analyticsEnv();
  return {
    deadlineMs,
    ignoreBackoff,
    retentionDays: jobsEnv().retentionDays,
    contacts: configuredMailer(),
    caps: configuredLimits().emailCaps,
    ...(digest ? { digest: { from: mail.from, to: mail.to, siteName: siteConfig.name } } : {}),
    // Analytics' upkeep runs in every pass; its weekly report goes with the digest (Mondays).
    ...(analyticsEnabled ? { analyticsRetentionMonths } : {}),
    ...(analyticsEnabled && digest
      ? {
          weeklyReport: {
            from: mail.from,
            to: mail.to,
            siteName: siteConfig.name,
            language: siteConfig.coachLanguage,
          },
        }
      : {}),
  };
}

/** One pass as `preset` runs it, on the site's mailer. */
export function runConfiguredPass(db: Db, preset: PassPreset): Promise<PassResult> {
  return runMaintenancePass(db, configuredMailer(), configuredPassOptions(preset));
}
