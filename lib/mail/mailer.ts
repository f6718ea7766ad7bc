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
  /** The language they signed up in: it picks the segment (and is kept as a property). */
  language?: "en" | "de";
  /** Consent evidence, kept on the contact. */
  properties: Record<string, string>;
  /**
   * Whether a contact the provider knows as unsubscribed is subscribed again: yes (the default)
   * for the person's own double opt-in; no for an imported list, which never undoes an
   * unsubscribe.
   */
  resubscribe?: boolean;
};

/** What the provider knows about a contact. */
export type ContactStatus = { email: string; unsubscribed: boolean };

/** What the site needs from an email provider; Resend in production, a local folder otherwise. */
export interface Mailer {
  /** `signal` stops the send (and its retries) when the caller's deadline has passed. */
  send(email: OutgoingEmail, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
  /** Adds or re-subscribes a confirmed newsletter contact; an existing contact is not an error. */
  subscribe(contact: NewsletterContact): Promise<void>;
  /** Deletes the contact (erasure on request); a contact that is not there is not an error. */
  removeContact(email: string): Promise<void>;
  /** The contact as the provider has it (unsubscribed or not), or undefined when it has none. */
  findContact(email: string): Promise<ContactStatus | undefined>;
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

/** A newsletter broadcast's content; the segment it goes to is the transport's (RESEND_SEGMENT_ID). */
export type BroadcastContent = {
  /** How the broadcast is found again: `newsletter:<slug>`. */
  name: string;
  from: string;
  subject: string;
  previewText: string;
  html: string;
  text: string;
};

export type BroadcastSummary = {
  id: string;
  name: string;
  /** "draft" until it is sent; anything else ("queued", "scheduled", "sent") means it goes or went out. */
  status: string;
  segmentId: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** Broadcasts to the newsletter segment, kept apart from Mailer: only the send command needs them. */
export interface Broadcaster {
  /** Where the broadcasts go: the segment's id, or the outbox folder. */
  readonly destination: string;
  /** The broadcast with this name, preferring one that is not a draft any more. */
  findBroadcast(name: string): Promise<BroadcastSummary | undefined>;
  /** Creates a draft; nothing is sent. */
  createBroadcast(content: BroadcastContent): Promise<{ id: string }>;
  /** Replaces a draft's content (the issue was edited since). */
  updateBroadcast(id: string, content: BroadcastContent): Promise<void>;
  /** Sends a draft to the whole segment. Called once: a retry could send it twice. */
  sendBroadcast(id: string): Promise<void>;
}

/** Whether a broadcast with this status has gone, or is going, to subscribers. */
export function broadcastLeftDraft(status: string): boolean {
  return status !== "draft";
}
