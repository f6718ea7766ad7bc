import type { Db } from "@/lib/db/client";
import type { EmailCaps } from "@/lib/forms/email-caps";
import type { Mailer } from "@/lib/mail/mailer";
import type { DeliveryMailer } from "@/lib/mail/send";
import { callBudget, deadlineIn, timing, type PassBudget } from "@/lib/mail/timing";
import { sendDailyDigest, type DigestSettings } from "@/lib/jobs/digest";
import { analyticsUpkeep } from "@/lib/analytics/tasks";
import { sendWeeklyReport, type WeeklyReportSettings } from "@/lib/analytics/weekly-report";
import { countUndelivered } from "@/lib/inquiry/store";
import { deleteOldInquiries, deliverDueInquiries, sendDueReceipts } from "@/lib/inquiry/tasks";
import { deleteExpiredSignups, sendDueConfirmations, syncContacts } from "@/lib/newsletter/tasks";

/** What a pass may do beyond sending: each is optional, and its task is skipped without it. */
export type PassSettings = {
  /** Delete inquiries older than this many days (INQUIRY_RETENTION_DAYS). */
  retentionDays?: number;
  /** Where the coach's daily digest goes. */
  digest?: DigestSettings;
  /** Where confirmed newsletter contacts are written (Resend's segment, or the outbox). */
  contacts?: Pick<Mailer, "subscribe">;
  /** The caps on emails to typed addresses: without them, no newsletter confirmation is sent. */
  caps?: EmailCaps;
  /**
   * Analytics (ANALYTICS on): delete yesterday's salt, roll up finished days, delete raw events
   * older than this many months (ANALYTICS_RETENTION_MONTHS).
   */
  analyticsRetentionMonths?: number;
  /** Where the weekly analytics report goes, on Mondays. */
  weeklyReport?: WeeklyReportSettings;
};

export type PassOptions = PassSettings & {
  /** Attempt everything undelivered now, whatever its back-off (`npm run deliver`). */
  ignoreBackoff?: boolean;
  /** The pass stops claiming work after this long. */
  deadlineMs?: number;
  batchSize?: number;
  perCallTimeoutMs?: number;
  clock?: () => Date;
};

type Services = { db: Db; mailer: DeliveryMailer; settings: PassSettings; budget: PassBudget };
type TaskResult = Record<string, number | string | string[]>;

/**
 * Every feature's tasks by name, in the order a pass runs them: mail to people first, clean-up
 * after, the coach's digest last (it reports what the others left). A task whose setting is
 * absent returns undefined and is left out of the result.
 */
const tasks = {
  inquiries: ({ db, mailer, budget }: Services) => deliverDueInquiries(db, mailer, budget),
  receipts: ({ db, mailer, budget }: Services) => sendDueReceipts(db, mailer, budget),
  retention: ({ db, settings, budget }: Services) =>
    settings.retentionDays === undefined ? undefined : deleteOldInquiries(db, settings.retentionDays, budget),
  confirmations: ({ db, mailer, settings, budget }: Services) =>
    settings.caps ? sendDueConfirmations(db, mailer, settings.caps, budget) : undefined,
  "old-signups": ({ db, settings, budget }: Services) =>
    settings.contacts ? deleteExpiredSignups(db, budget) : undefined,
  contacts: ({ db, settings, budget }: Services) =>
    settings.contacts && budget.timeLeft() >= timing.minimumSendMs
      ? syncContacts(db, settings.contacts, budget)
      : undefined,
  analytics: ({ db, settings, budget }: Services) =>
    settings.analyticsRetentionMonths === undefined
      ? undefined
      : analyticsUpkeep(db, settings.analyticsRetentionMonths, budget.clock()),
  "weekly-report": ({ db, mailer, settings, budget }: Services) =>
    settings.weeklyReport ? sendReport(db, mailer, settings.weeklyReport, budget) : undefined,
  // Every feature's part of the coach's digest (lib/jobs/digest.ts), at most once a day.
  digest: ({ db, mailer, settings, budget }: Services) =>
    settings.digest ? sendDigest(db, mailer, settings.digest, budget) : undefined,
} satisfies Record<string, (services: Services) => Promise<TaskResult> | undefined>;

async function sendDigest(db: Db, mailer: DeliveryMailer, settings: DigestSettings, budget: PassBudget) {
  const timeoutMs = Math.max(timing.minimumSendMs, callBudget(budget));
  return { digest: await sendDailyDigest(db, mailer, settings, { now: budget.clock(), timeoutMs }) };
}

async function sendReport(
  db: Db,
  mailer: DeliveryMailer,
  settings: WeeklyReportSettings,
  budget: PassBudget,
) {
  const timeoutMs = Math.max(timing.minimumSendMs, callBudget(budget));
  return { report: await sendWeeklyReport(db, mailer, settings, { now: budget.clock(), timeoutMs }) };
}

type Tasks = typeof tasks;
export type TaskResults = { [Name in keyof Tasks]?: Awaited<NonNullable<ReturnType<Tasks[Name]>>> };

export type PassResult = {
  /** True when another pass on the same connection was still running: this one did nothing. */
  skipped: boolean;
  /** Each task that ran, by name, with what it did. */
  tasks: TaskResults;
  /** Inquiries left undelivered after the pass (`held` is not counted: it waits for the coach). */
  remaining: { received: number; retrying: number; failed: number };
};

// One pass at a time per process (per database handle: the site has one). Another worker
// elsewhere is kept off the same rows by the leases, not by this.
const running = new WeakMap<Db, Promise<PassResult>>();

/** One run of the site's worker: what the timer, the cron route and `npm run deliver` call. */
export async function runMaintenancePass(
  db: Db,
  mailer: DeliveryMailer,
  options: PassOptions = {},
): Promise<PassResult> {
  const current = running.get(db);
  if (current) return { skipped: true, tasks: {}, remaining: (await current).remaining };
  const pass = maintenancePass(db, mailer, options);
  running.set(db, pass);
  try {
    return await pass;
  } finally {
    running.delete(db);
  }
}

async function maintenancePass(db: Db, mailer: DeliveryMailer, options: PassOptions): Promise<PassResult> {
  const deadline = deadlineIn(options.deadlineMs ?? timing.passMs);
  const budget: PassBudget = {
    clock: options.clock ?? (() => new Date()),
    timeLeft: deadline.left,
    perCallMs: options.perCallTimeoutMs ?? timing.callInPassMs,
    ignoreBackoff: options.ignoreBackoff ?? false,
    batchSize: options.batchSize ?? 5,
  };
  const services = { db, mailer, settings: options, budget };
  const results: Record<string, TaskResult> = {};
  for (const [name, task] of Object.entries(tasks)) {
    const result = await task(services);
    if (result) results[name] = result;
  }
  return { skipped: false, tasks: results as TaskResults, remaining: await countUndelivered(db) };
}
