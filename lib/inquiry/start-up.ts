import "server-only";
import { EnvError, mailConfigurationProblem, serverEnv } from "@/lib/config/env";
import { migrateSiteDatabase, siteDatabase } from "@/lib/db/site";
import { deliveryRuntime } from "@/lib/inquiry/runtime";
import { startDeliveryTimer } from "@/lib/inquiry/worker";

let started = false;

/**
 * What a long-running server does once at start (instrumentation.ts): refuse a configuration that
 * would lose mail, migrate the store (failing with one line naming the variable to fix), and
 * start the delivery timer, one pass at a time.
 */
export async function startInquiryService(): Promise<void> {
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
  const { retentionDays, digest, contacts } = deliveryRuntime();
  startDeliveryTimer(siteDatabase, () => deliveryRuntime().mailer, { retentionDays, digest, contacts });
}

/**
 * For instrumentation.ts: Next only logs an error thrown from `register` and keeps serving, so a
 * site that would lose mail or cannot reach its store stops here, with one line saying why.
 */
export async function startInquiryServiceOrExit(): Promise<void> {
  try {
    await startInquiryService();
  } catch (error) {
    console.error(`\nerror: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
