// Runs once when the server starts (never during `next build`): a misconfigured environment or
// an unreachable store fails here, loudly, instead of on the first inquiry; then the delivery
// maintenance worker starts its timer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSiteOrExit } = await import("@/lib/server/start-up");
  await startSiteOrExit();
}
