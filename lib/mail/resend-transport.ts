import "server-only";
import pRetry, { AbortError } from "p-retry";
import { Resend } from "resend";
import type { Mailer, NewsletterContact, OutgoingEmail } from "@/lib/mail/mailer";
import { MailError } from "@/lib/mail/mailer";

type ResendError = { name: string; message: string; statusCode: number | null };

export type RetryPolicy = {
  retries: number;
  minTimeout: number;
  maxTimeout: number;
  maxRetryTime: number;
};

// A person is waiting on the form: a few quick retries, then an honest error within seconds.
export const defaultRetryPolicy: RetryPolicy = {
  retries: 3,
  minTimeout: 300,
  maxTimeout: 2000,
  maxRetryTime: 8000,
};

// Rate limits, server errors and failed connections (statusCode null) may pass on their own.
function isTransient(error: ResendError): boolean {
  return error.statusCode === null || error.statusCode === 429 || error.statusCode >= 500;
}

function toMailError(error: ResendError): MailError {
  return new MailError(
    `Resend ${error.statusCode ?? "network"} ${error.name}: ${error.message}`,
    isTransient(error),
    error.statusCode,
  );
}

// The SDK returns errors instead of throwing; p-retry needs a throw to decide.
async function call<T>(
  operation: () => Promise<{ data: T | null; error: ResendError | null }>,
  policy: RetryPolicy,
): Promise<T> {
  try {
    return await pRetry(
      async () => {
        const { data, error } = await operation();
        if (error) {
          const mailError = toMailError(error);
          throw mailError.retryable ? mailError : new AbortError(mailError);
        }
        if (data === null) throw new AbortError(new MailError("Resend returned no data", false));
        return data;
      },
      { ...policy, factor: 2, randomize: true },
    );
  } catch (error) {
    if (error instanceof MailError) throw error;
    throw new MailError(`Resend call failed: ${(error as Error).message}`, true);
  }
}

function isAlreadyExists(error: MailError): boolean {
  return error.statusCode === 409 || /already exists/i.test(error.message);
}

export function resendMailer(options: {
  apiKey: string;
  segmentId: string;
  baseUrl?: string;
  retry?: RetryPolicy;
}): Mailer {
  // RESEND_BASE_URL, when set, is read by the SDK itself (tests point it at a fake server).
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const policy = options.retry ?? defaultRetryPolicy;

  return {
    async send(email: OutgoingEmail) {
      const { idempotencyKey, ...payload } = email;
      return call(() => client.emails.send(payload, { idempotencyKey }), policy);
    },

    async subscribe(contact: NewsletterContact) {
      const { email, firstName, properties } = contact;
      try {
        await call(
          () =>
            client.contacts.create({
              email,
              firstName,
              unsubscribed: false,
              properties,
              segments: [{ id: options.segmentId }],
            }),
          policy,
        );
        return;
      } catch (error) {
        if (!(error instanceof MailError) || !isAlreadyExists(error)) throw error;
      }
      // Confirming again, or re-joining after unsubscribing: refresh consent and membership.
      await call(
        () =>
          client.contacts.update({
            email,
            firstName,
            unsubscribed: false,
            properties,
          }),
        policy,
      );
      await call(() => client.contacts.segments.add({ email, segmentId: options.segmentId }), policy);
    },
  };
}
