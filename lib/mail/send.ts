import type { Mailer, OutgoingEmail } from "@/lib/mail/mailer";

/**
 * What a queue needs from the mail module: the site's Mailer fits as it is. A mailer that honours
 * `signal` stops its work on a timeout; one that does not is still cut off.
 */
export type DeliveryMailer = Pick<Mailer, "send">;

export class SendTimeoutError extends Error {
  override name = "SendTimeoutError";
}

/** One send, given up after `timeoutMs` whatever the mailer does. */
export async function sendWithTimeout(
  mailer: DeliveryMailer,
  email: OutgoingEmail,
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

/** Any work given up after `timeoutMs`; it goes on unobserved, so it must be safe to finish. */
export async function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T | "timed-out"> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs).unref();
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
