import "server-only";
import { eq, sql } from "drizzle-orm";
import {
  EnvError,
  mailConfigurationProblem,
  mailEnv,
  siteEnv,
  type MailEnv,
  type SiteEnv,
} from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { mailTransports } from "@/lib/db/schema";

/** When Resend last served this store (a site or command started with RESEND_API_KEY), if ever. */
export async function resendLastUsed(db: Db): Promise<Date | undefined> {
  const [row] = await db.select().from(mailTransports).where(eq(mailTransports.transport, "resend"));
  return row?.lastUsedAt;
}

/** Records that a process configured for Resend works on this store. */
export async function recordResendUse(db: Db, now = new Date()): Promise<void> {
  await db
    .insert(mailTransports)
    .values({ transport: "resend", firstUsedAt: now, lastUsedAt: now })
    .onConflictDoUpdate({
      target: mailTransports.transport,
      set: { lastUsedAt: sql`greatest(${mailTransports.lastUsedAt}, excluded.last_used_at)` },
    });
}

/**
 * The check every process that sends runs before it takes anything from the queue (the site's
 * start-up, `npm run deliver`, `inquiries retry|release`, the newsletter commands): with
 * RESEND_API_KEY it records that Resend serves this store; without it, it refuses with an
 * EnvError naming RESEND_API_KEY when the outbox would swallow real mail (a public SITE_URL, or a
 * store Resend has served) unless ALLOW_OUTBOX_IN_PRODUCTION=1. The rule is
 * `mailConfigurationProblem` (lib/config/env.ts).
 */
export async function checkMailTransport(
  db: Db,
  env: SiteEnv & MailEnv = { ...siteEnv(), ...mailEnv() },
  now = new Date(),
): Promise<void> {
  if (env.mail.transport === "resend") {
    await recordResendUse(db, now);
    return;
  }
  const problem = mailConfigurationProblem(env, { resendUsedAt: await resendLastUsed(db) });
  if (problem) throw new EnvError(problem, "RESEND_API_KEY");
}
