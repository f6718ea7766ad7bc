/** A field people never see; bots that fill every input fill this one too. */
export const HONEYPOT_FIELD = "homepage";
/**
 * Milliseconds between the page's navigation and the form's submission, set by the browser.
 * Counted from the navigation, not from hydration or the first keystroke: a person who starts
 * typing before the page hydrates, or fills in a field by autofill, must never be taken for a
 * bot, since a bot's post is answered like a success and dropped.
 */
export const FILL_TIME_FIELD = "fill_ms";
export const MIN_FILL_MS = 3000;

export type BotSignal = "honeypot" | "too-fast";

/**
 * Without JavaScript the fill time is absent; such posts are judged by the honeypot and the
 * rate limit alone, so the form keeps working for people who browse without scripts.
 */
export function botSignal(form: FormData): BotSignal | undefined {
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") return "honeypot";
  const fillTime = Number(form.get(FILL_TIME_FIELD) || Number.NaN);
  if (Number.isFinite(fillTime) && fillTime < MIN_FILL_MS) return "too-fast";
  return undefined;
}
