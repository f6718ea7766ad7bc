import "server-only";
import pRetry, { AbortError } from "p-retry";
import { Resend } from "resend";
import type {
  BroadcastContent,
  Broadcaster,
  BroadcastSummary,
  Mailer,
  NewsletterContact,
  OutgoingEmail,
} from "@/lib/mail/mailer";
import { broadcastLeftDraft, MailError } from "@/lib/mail/mailer";
import { resendTiming } from "@/lib/mail/timing";

type ResendError = { name: string; message: string; statusCode: number | null };

export type RetryPolicy = {
  retries: number;
  minTimeout: number;
  maxTimeout: number;
  maxRetryTime: number;
  /** Each HTTP call is given up after this long (a hung connection is a failed attempt). */
  callTimeoutMs?: number;
};

// A person is waiting on the form: a few quick retries, then an honest error within seconds.
export const defaultRetryPolicy: RetryPolicy = {
  retries: 3,
  minTimeout: 300,
  maxTimeout: resendTiming.waiting.longestPauseMs,
  maxRetryTime: resendTiming.waiting.retriesWithinMs,
  callTimeoutMs: resendTiming.waiting.callMs,
};

// Rate limits, server errors and failed connections (statusCode null) may pass on their own; so
// does a 409 for a request with the same idempotency key still in progress (a 409 for a key
// reused with another payload is final).
function isTransient(error: ResendError): boolean {
  return (
    error.statusCode === null ||
    error.statusCode === 429 ||
    error.statusCode >= 500 ||
    error.name === "concurrent_idempotent_requests"
  );
}

function toMailError(error: ResendError): MailError {
  return new MailError(
    `Resend ${error.statusCode ?? "network"} ${error.name}: ${error.message}`,
    isTransient(error),
    error.statusCode,
  );
}

// The SDK returns errors instead of throwing; p-retry needs a throw to decide. Every attempt
// has its own timeout; the caller's signal (a deadline) stops the attempts altogether.
async function call<T>(
  operation: (signal: AbortSignal) => Promise<{ data: T | null; error: ResendError | null }>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  const callTimeoutMs = policy.callTimeoutMs ?? defaultRetryPolicy.callTimeoutMs!;
  try {
    return await pRetry(
      async () => {
        const timeout = AbortSignal.timeout(callTimeoutMs);
        const { data, error } = await operation(signal ? AbortSignal.any([signal, timeout]) : timeout);
        if (signal?.aborted) {
          throw new AbortError(new MailError(`Resend call given up: ${String(signal.reason)}`, true));
        }
        if (timeout.aborted) throw new MailError(`Resend gave no answer within ${callTimeoutMs} ms`, true);
        if (error) {
          const mailError = toMailError(error);
          throw mailError.retryable ? mailError : new AbortError(mailError);
        }
        if (data === null) throw new AbortError(new MailError("Resend returned no data", false));
        return data;
      },
      { ...policy, factor: 2, randomize: true, signal },
    );
  } catch (error) {
    if (error instanceof MailError) throw error;
    throw new MailError(
      `Resend call failed: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
}

function isAlreadyExists(error: MailError): boolean {
  return error.statusCode === 409 || /already exists/i.test(error.message);
}

export function resendMailer(options: {
  apiKey: string;
  segmentId: string;
  /** German readers' segment; without one they join `segmentId`. */
  germanSegmentId?: string;
  baseUrl?: string;
  retry?: RetryPolicy;
}): Mailer {
  const segmentFor = (language: NewsletterContact["language"]) =>
    language === "de" && options.germanSegmentId ? options.germanSegmentId : options.segmentId;
  // RESEND_BASE_URL, when set, is read by the SDK itself (tests point it at a fake server).
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const policy = options.retry ?? defaultRetryPolicy;

  return {
    async send(email: OutgoingEmail, options?: { signal?: AbortSignal }) {
      const { idempotencyKey, ...payload } = email;
      return call(
        (signal) => client.emails.send(payload, { idempotencyKey, signal }),
        policy,
        options?.signal,
      );
    },

    async subscribe(contact: NewsletterContact) {
      const { email, firstName, resubscribe = true } = contact;
      const segmentId = segmentFor(contact.language);
      const properties = {
        ...contact.properties,
        ...(contact.language ? { language: contact.language } : {}),
      };
      try {
        await call(
          (signal) =>
            client.contacts.create(
              {
                email,
                firstName,
                unsubscribed: false,
                properties,
                segments: [{ id: segmentId }],
              },
              { signal },
            ),
          policy,
        );
        return;
      } catch (error) {
        if (!(error instanceof MailError) || !isAlreadyExists(error)) throw error;
      }
      // Confirming again, or re-joining after unsubscribing: refresh consent and membership.
      // An import leaves `unsubscribed` as Resend has it: an unsubscribe there sticks.
      await call(
        (signal) =>
          client.contacts.update(
            { email, firstName, ...(resubscribe ? { unsubscribed: false } : {}), properties },
            { signal },
          ),
        policy,
      );
      await call((signal) => client.contacts.segments.add({ email, segmentId }, { signal }), policy);
    },

    async removeContact(email: string) {
      try {
        await call((signal) => client.contacts.remove({ email }, { signal }), policy);
      } catch (error) {
        if (!(error instanceof MailError) || error.statusCode !== 404) throw error;
      }
    },

    async findContact(email: string) {
      try {
        const contact = await call((signal) => client.contacts.get({ email }, { signal }), policy);
        return { email: contact.email, unsubscribed: contact.unsubscribed };
      } catch (error) {
        if (error instanceof MailError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}

// Creating or sending a broadcast is not repeated on its own: a first attempt whose answer was
// lost may have worked, and a second would make a second draft or a second send.
const onceOnly: RetryPolicy = {
  retries: 0,
  minTimeout: 0,
  maxTimeout: 0,
  maxRetryTime: resendTiming.once.retriesWithinMs,
  callTimeoutMs: resendTiming.once.callMs,
};
const patient: RetryPolicy = {
  ...defaultRetryPolicy,
  maxRetryTime: resendTiming.patient.retriesWithinMs,
  callTimeoutMs: resendTiming.patient.callMs,
};

export function resendBroadcaster(options: {
  apiKey: string;
  segmentId: string;
  baseUrl?: string;
  retry?: RetryPolicy;
}): Broadcaster {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const policy = options.retry ?? patient;
  const once = options.retry ? { ...options.retry, retries: 0 } : onceOnly;
  const draft = (content: BroadcastContent) => ({
    name: content.name,
    segmentId: options.segmentId,
    from: content.from,
    subject: content.subject,
    previewText: content.previewText,
    html: content.html,
    text: content.text,
  });

  return {
    destination: `Resend segment ${options.segmentId}`,

    async findBroadcast(name: string) {
      const found: BroadcastSummary[] = [];
      let after: string | undefined;
      // Resend lists newest first, 100 at most a page; a newsletter has a few dozen a year.
      for (;;) {
        const page = await call(
          (signal) => client.broadcasts.list(after ? { limit: 100, after } : { limit: 100 }, { signal }),
          policy,
        );
        for (const broadcast of page.data) {
          if (broadcast.name !== name) continue;
          found.push({
            id: broadcast.id,
            name: broadcast.name,
            status: broadcast.status,
            segmentId: broadcast.segment_id ?? broadcast.audience_id,
            createdAt: broadcast.created_at,
            sentAt: broadcast.sent_at,
          });
        }
        if (!page.has_more || page.data.length === 0) break;
        after = page.data.at(-1)!.id;
      }
      return found.find((broadcast) => broadcastLeftDraft(broadcast.status)) ?? found[0];
    },

    async createBroadcast(content: BroadcastContent) {
      return call((signal) => client.broadcasts.create(draft(content), { signal }), once);
    },

    async updateBroadcast(id: string, content: BroadcastContent) {
      await call((signal) => client.broadcasts.update(id, draft(content), { signal }), policy);
    },

    async sendBroadcast(id: string) {
      await call((signal) => client.broadcasts.send(id, undefined, { signal }), once);
    },
  };
}
