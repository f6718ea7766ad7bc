import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { NewsletterSendRow } from "@/lib/db/schema";
import { getIssue, readIssues, type Issue, type IssueSource } from "@/lib/content/loader";
import { languages, type Language } from "@/lib/i18n/languages";
import {
  broadcastLeftDraft,
  MailError,
  type BroadcastContent,
  type Broadcaster,
  type Mailer,
} from "@/lib/mail/mailer";
import type { IssueEmail } from "@/lib/newsletter/issue-email";
import {
  claimSend,
  findSend,
  markSent,
  recordDraft,
  recordSentElsewhere,
  releaseClaim,
} from "@/lib/newsletter/send-store";

/** How an issue's broadcast to one language's readers is found again, from any machine. */
export const broadcastName = (slug: string, audience: Language = "en") =>
  audience === "en" ? `newsletter:${slug}` : `newsletter:${slug}:${audience}`;

/** Whose segments an issue goes to: its language's readers, or every language's. */
export function audiencesOf(issue: Pick<Issue, "language" | "sendTo">): Language[] {
  return issue.sendTo === "everyone" ? [...languages] : [issue.language];
}

/** The command must not go on; the message says why, for the coach. */
export class SendRefusedError extends Error {
  override name = "SendRefusedError";
}

export type SendServices = {
  db: Db;
  broadcaster: Broadcaster;
  from: string;
  /** The segment broadcasts go to, recorded with the send (null for the outbox without one). */
  segmentId: string | null;
  /** Whose segment `broadcaster` sends to (default: English readers). */
  audience?: Language;
  now?: () => Date;
};

/** A published issue by slug; a draft or an unknown slug is refused with what to do instead. */
export function sendableIssue(slug: string, source?: IssueSource): Issue {
  const sources: IssueSource[] = source ? [source] : [...languages];
  for (const each of sources) {
    const issue = getIssue(slug, each);
    if (issue) return issue;
  }
  const all = sources.flatMap((each) => readIssues(each));
  if (all.some((candidate) => candidate.slug === slug)) {
    throw new SendRefusedError(`"${slug}" is a draft (draft: true in its frontmatter): drafts are not sent.`);
  }
  const known = all.filter((candidate) => !candidate.draft).map((candidate) => candidate.slug);
  throw new SendRefusedError(
    `No issue "${slug}" in content/newsletter/ or content/de/newsletter/. Issues: ${known.join(", ") || "none"}.`,
  );
}

const when = (date: Date | null | undefined) =>
  date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "an unknown time";

function refusal(row: NewsletterSendRow): SendRefusedError {
  if (row.status === "sent") {
    return new SendRefusedError(
      `"${row.slug}" was already sent (${when(row.sentAt)}, broadcast ${row.broadcastId}). An issue goes out once; nothing was done.`,
    );
  }
  return new SendRefusedError(
    `A send of "${row.slug}" was started at ${when(row.sendRequestedAt)} and its answer never came, so it counts as sent. ` +
      `Look at broadcast ${row.broadcastId} in Resend (Broadcasts): if it really did not go out, send it from there.`,
  );
}

/**
 * Makes sure the issue has a draft broadcast with the current content: the one found by name in
 * Resend (updated), or a new one. Refuses when the issue went out already, as the database or
 * Resend's list of broadcasts says.
 */
export async function draftIssueBroadcast(
  services: SendServices,
  issue: Issue,
  email: IssueEmail,
): Promise<{ broadcastId: string; action: "created" | "updated" }> {
  const { db, broadcaster } = services;
  const now = services.now ?? (() => new Date());
  const key = { slug: issue.slug, audience: services.audience ?? "en" };
  const name = broadcastName(issue.slug, key.audience);
  const recorded = await findSend(db, key);
  const existing = await broadcaster.findBroadcast(name);

  if (existing && broadcastLeftDraft(existing.status)) {
    await recordSentElsewhere(db, {
      ...key,
      broadcastId: existing.id,
      broadcastName: name,
      segmentId: existing.segmentId,
      sentAt: existing.sentAt ? new Date(existing.sentAt) : now(),
    });
    throw new SendRefusedError(
      `"${issue.slug}" is already ${existing.status} in ${broadcaster.destination} (broadcast ${existing.id}${existing.sentAt ? `, ${when(new Date(existing.sentAt))}` : ""}). An issue goes out once; nothing was done.`,
    );
  }
  if (recorded && recorded.status !== "draft") throw refusal(recorded);

  const content: BroadcastContent = {
    name,
    from: services.from,
    subject: email.subject,
    previewText: email.previewText,
    html: email.html,
    text: email.text,
  };
  let broadcastId: string;
  let action: "created" | "updated";
  if (existing) {
    await broadcaster.updateBroadcast(existing.id, content);
    broadcastId = existing.id;
    action = "updated";
  } else {
    broadcastId = (await broadcaster.createBroadcast(content)).id;
    action = "created";
  }
  await recordDraft(db, { ...key, broadcastId, broadcastName: name, segmentId: services.segmentId }, now());
  return { broadcastId, action };
}

/**
 * Sends the issue's draft to the segment, once. Only Resend refusing outright puts the draft
 * back; a timeout or lost connection leaves it "sending", which refuses every later attempt.
 */
export async function sendIssueBroadcast(
  services: SendServices,
  issue: Issue,
): Promise<{ broadcastId: string }> {
  const { db, broadcaster } = services;
  const now = services.now ?? (() => new Date());
  const key = { slug: issue.slug, audience: services.audience ?? "en" };
  const claimed = await claimSend(db, key, now());
  if (!claimed) {
    const row = await findSend(db, key);
    if (row) throw refusal(row);
    throw new SendRefusedError(`"${issue.slug}" has no draft broadcast yet.`);
  }
  try {
    await broadcaster.sendBroadcast(claimed.broadcastId);
  } catch (error) {
    if (error instanceof MailError && !error.retryable) {
      await releaseClaim(db, key, now());
      throw error;
    }
    throw new SendRefusedError(
      `The send of "${issue.slug}" got no clear answer (${error instanceof Error ? error.message : String(error)}). ` +
        `It counts as sent and will not be repeated: look at broadcast ${claimed.broadcastId} in Resend (Broadcasts).`,
    );
  }
  await markSent(db, key, now());
  return { broadcastId: claimed.broadcastId };
}

/**
 * One copy to one address through the normal email API, for reading before the real send;
 * nothing is recorded and the issue can still be sent.
 */
export async function sendTestCopy(
  mailer: Pick<Mailer, "send">,
  { issue, email, from, to }: { issue: Issue; email: IssueEmail; from: string; to: string },
): Promise<{ id: string }> {
  return mailer.send({
    from,
    to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    // A test copy may be sent again after an edit; each one is its own email.
    idempotencyKey: `newsletter-test:${issue.slug}:${randomUUID()}`,
  });
}
