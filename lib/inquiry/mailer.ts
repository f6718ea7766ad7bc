import type { StoredEmail } from "@/lib/db/schema";

/** A stored email plus the key that makes Resend deliver it once however often it is sent. */
export type DeliveryMessage = StoredEmail & { idempotencyKey: string };

/**
 * What delivery needs from the mail module: the site's Mailer (lib/mail) fits as it is. A mailer
 * that honours `signal` stops its work on a timeout; one that does not is still cut off.
 */
export type DeliveryMailer = {
  send(email: DeliveryMessage, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
};

export class SendTimeoutError extends Error {
  override name = "SendTimeoutError";
}

/** One send, given up after `timeoutMs` whatever the mailer does. */
export async function sendWithTimeout(
  mailer: DeliveryMailer,
  email: DeliveryMessage,
  timeoutMs: number,
): Promise<{ id: string }> {
  const controller = new AbortController();
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason as Error), {
      once: true,
    });
  });
  const timer = setTimeout(
    () => controller.abort(new SendTimeoutError(`no answer from the mail service within ${timeoutMs} ms`)),
    Math.max(0, timeoutMs),
  );
  const sending = mailer.send(email, { signal: controller.signal });
  // The loser of the race must not surface later as an unhandled rejection.
  sending.catch(() => undefined);
  try {
    return await Promise.race([sending, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
