/**
 * Every deadline of the site's mail in one table: how long a person waits, how long one call to
 * the mail service may take, how long a worker pass runs and how often it starts. Code reads
 * these names, never a bare number; docs/database.md explains the choice of each.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const timing = {
  /** A person sending the inquiry form waits at most this long for the coach's email to go. */
  answerMs: 10 * SECOND,
  /** One call to the mail service while a person waits (its own quick retries included). */
  callWhileWaitingMs: 8 * SECOND,
  /** One call to the mail service during a worker pass. */
  callInPassMs: 10 * SECOND,
  /** Below this much time left, a send is not started (it could not finish). */
  minimumSendMs: 1 * SECOND,
  /** A worker pass started by the timer or the cron route stops claiming work after this. */
  passMs: 50 * SECOND,
  /** `npm run deliver`: a person runs it and watches it; it may take its time. */
  manualPassMs: 10 * MINUTE,
  /** The timer in a long-running server starts a pass this often... */
  intervalMs: 1 * MINUTE,
  /** ...and its first one this soon after start-up. */
  firstPassAfterMs: 5 * SECOND,
  /** A claimed row is someone's for this long: longer than any one send may take. */
  leaseMs: 2 * MINUTE,
  /** `npm run inquiries -- retry`: a person waits at the terminal. */
  commandSendMs: 30 * SECOND,
} as const;

/** Resend's own calls: each HTTP request, and the retries around it. */
export const resendTiming = {
  /** A person is waiting: a few quick retries, then an honest error within seconds. */
  waiting: { callMs: 5 * SECOND, retriesWithinMs: 8 * SECOND, longestPauseMs: 2 * SECOND },
  /** Commands (the newsletter's sends and imports): nobody waits on a form. */
  patient: { callMs: 15 * SECOND, retriesWithinMs: 30 * SECOND },
  /** Creating or sending a broadcast: one attempt, a generous cut. */
  once: { callMs: 30 * SECOND, retriesWithinMs: 60 * SECOND },
} as const;

/** A point in time to work towards: `left()` is what remains of it. */
export function deadlineIn(ms: number): { left: () => number } {
  const at = Date.now() + ms;
  return { left: () => at - Date.now() };
}

/** What a worker pass hands each task: the time, what is left of the pass, how to treat back-off. */
export type PassBudget = {
  /** Database timestamps come from here (tests move time forward). */
  clock: () => Date;
  timeLeft: () => number;
  /** Each call to the mail service is given up after this long (or when the pass ends). */
  perCallMs: number;
  /** Attempt everything due or not (`npm run deliver`), once per pass. */
  ignoreBackoff: boolean;
  /** Rows claimed at once. */
  batchSize: number;
};

/** The cut for the next call: its own limit, or the end of the pass if that comes first. */
export function callBudget(budget: PassBudget): number {
  return Math.min(budget.perCallMs, budget.timeLeft());
}
