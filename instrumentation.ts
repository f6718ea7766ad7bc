// Runs once when the server starts: a misconfigured environment fails here, loudly, instead of
// on the first inquiry.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("@/lib/config/env");
  const env = serverEnv();
  if (env.mail.transport === "outbox" && env.production) {
    console.warn(
      "\n⚠️  RESEND_API_KEY is not set: emails (inquiries, newsletter confirmations) are written to " +
        `${env.mail.outboxDir} and NOT delivered. Set RESEND_API_KEY to send real email.\n`,
    );
  }
}
