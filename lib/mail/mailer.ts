export type OutgoingEmail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Same key, same email: a retried or repeated send is delivered once. */
  idempotencyKey: string;
  tags?: { name: string; value: string }[];
};

export type NewsletterContact = {
  email: string;
  firstName?: string;
  /** Consent evidence, kept on the contact. */
  properties: Record<string, string>;
};

/** What the site needs from an email provider; Resend in production, a local folder otherwise. */
export interface Mailer {
  /** `signal` stops the send (and its retries) when the caller's deadline has passed. */
  send(email: OutgoingEmail, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
  /** Adds or re-subscribes a confirmed newsletter contact; an existing contact is not an error. */
  subscribe(contact: NewsletterContact): Promise<void>;
  /** Deletes the contact (erasure on request); a contact that is not there is not an error. */
  removeContact(email: string): Promise<void>;
}

/** A send or subscribe that did not happen; `retryable` says whether trying later may work. */
export class MailError extends Error {
  override name = "MailError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode: number | null = null,
  ) {
    super(message);
  }
}
