import "server-only";
import { EnvError, mailConfigurationProblem, serverEnv } from "@/lib/config/env";
import { migrateSiteDatabase, siteDatabase } from "@/lib/db/site";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import { configuredPassOptions } from "@/lib/jobs/presets";
import { startMaintenanceTimer } from "@/lib/jobs/timer";
import { checkMailTransport } from "@/lib/server/mail-guard";

let started = false;

/**
 * What a long-running server does once at start (instrumentation.ts): check every section of
 * the environment (all problems named at once), refuse a configuration that would lose mail
 * (lib/server/mail-guard.ts: a public site, or a store Resend has served, without the key),
 * migrate the store (failing with one line naming the variable to fix), and start the
 * maintenance timer, one pass at a time.
 */
export async function startSite(): Promise<void> {
  if (started) return;
  started = true;
  const env = serverEnv();
  const problem = mailConfigurationProblem(env);
  if (problem) throw new EnvError(problem);
  if (env.mail.transport === "outbox" && env.production) {
    console.warn(
      `\n⚠️  RESEND_API_KEY is not set: emails (inquiries, newsletter confirmations) are written to ${env.mail.outboxDir} and NOT delivered. Set RESEND_API_KEY to send real email.\n`,
    );
  }
  await migrateSiteDatabase();
  // A store Resend has served must not start without the key: the timer would empty its queue
  // into the outbox. With the key, this records that Resend serves it.
  await checkMailTransport(await siteDatabase(), env);
  startMaintenanceTimer(siteDatabase, configuredMailer, configuredPassOptions("timer"));
}

/**
 * For instrumentation.ts: Next only logs an error thrown from `register` and keeps serving, so a
 * site that would lose mail or cannot reach its store stops here, with one line saying why.
 */
export async function startSiteOrExit(): Promise<void> {
  try {
    await startSite();
  } catch (error) {
    console.error(`\nerror: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
