import "server-only";
import { formDatabase } from "@/lib/forms/form-database";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";
import type { FormState } from "@/lib/forms/form-state";
import type { FormSubmission } from "@/lib/forms/submit-form";
import { confirmSubscription } from "@/lib/newsletter/double-opt-in";
import { inspectLink, type LinkState } from "@/lib/newsletter/store";

export type ConfirmState = FormState<never>;

/** What the person reads after pressing the button, for each state of their link. */
export function confirmAnswer(link: LinkState, language: Language = "en"): ConfirmState {
  const answers = dictionary(language).confirmAnswers;
  const answeredAt = Date.now();
  switch (link.state) {
    case "subscribed":
      return { status: "success", message: fill(answers.subscribed, { email: link.email }), answeredAt };
    case "expired":
    case "superseded":
      return { status: "invalid", message: answers[link.state], answeredAt };
    default:
      return { status: "invalid", message: answers.unknown, answeredAt };
  }
}

/**
 * The one button of the double opt-in. No honeypot: only the holder of a link gets past parse
 * (256 random bits), and pressing it twice changes nothing. Rate-limited per client address
 * before parse, which reads the store: anyone may post made-up tokens, and each costs queries.
 */
export const confirmSubmission: FormSubmission<never, string> = {
  name: "newsletter-confirm",
  fields: [],
  async parse(_values, form, language) {
    const token = form.get("token");
    const link =
      typeof token === "string" && token ? await inspectLink(await formDatabase(), token) : undefined;
    if (link && (link.state === "pending" || link.state === "subscribed")) {
      return { success: true, data: token as string };
    }
    return { success: false, message: confirmAnswer(link ?? { state: "unknown" }, language).message };
  },
  invalidMessage: (language) => confirmAnswer({ state: "unknown" }, language).message!,
  rateLimitBeforeParse: true,
  rateLimitedMessage: (wait, language) => fill(dictionary(language).confirmAnswers.rateLimited, { wait }),
  async act(token, { mailer }, { language }) {
    // The link was usable a moment ago; if it expired since, the answer says so.
    return confirmAnswer(await confirmSubscription(await formDatabase(), mailer, token), language).message!;
  },
  failedMessage: (language) => dictionary(language).confirmAnswers.failed,
};
