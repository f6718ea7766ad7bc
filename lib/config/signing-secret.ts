import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serverEnv } from "@/lib/config/env";

let cached: string | undefined;

/**
 * SIGNING_SECRET when set (required with Resend, checked at start-up). In local outbox mode
 * without it, a secret generated once and kept beside the outbox, so links survive restarts.
 */
export function signingSecret(): string {
  if (cached) return cached;
  const { mail } = serverEnv();
  if (mail.signingSecret) return (cached = mail.signingSecret);
  if (mail.transport !== "outbox") throw new Error("SIGNING_SECRET is required when RESEND_API_KEY is set");
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), mail.outboxDir, ".signing-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      cached = generated;
    } catch {
      // Another worker wrote it first: use theirs.
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}
