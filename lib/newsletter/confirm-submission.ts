import "server-only";
import { formDatabase } from "@/lib/forms/form-database";
import type { FormState } from "@/lib/forms/form-state";
import type { FormSubmission } from "@/lib/forms/submit-form";
import { confirmSubscription } from "@/lib/newsletter/double-opt-in";
import { inspectLink, type LinkState } from "@/lib/newsletter/store";

export type ConfirmState = FormState<never>;

/** What the person reads after pressing the button, for each state of their link. */
export function confirmAnswer(link: LinkState): ConfirmState {
  const answeredAt = Date.now();
  switch (link.state) {
    case "subscribed":
      return {
        status: "success",
        message: `You're subscribed. The next issue goes to ${link.email}.`,
        answeredAt,
      };
    case "expired":
      return {
        status: "invalid",
        message: "This confirmation link has expired, so nobody was subscribed. Please sign up again below.",
        answeredAt,
      };
    case "superseded":
      return {
        status: "invalid",
        message:
          "This link is from before the address left the list, so it cannot subscribe it again. To come back, sign up below.",
        answeredAt,
      };
    default:
      return {
        status: "invalid",
        message: "This confirmation link is not valid. Please sign up again below.",
        answeredAt,
      };
  }
}

/**
 * The one button of the double opt-in. No honeypot and no rate limit: only the holder of a
 * link gets this far (256 random bits), and pressing it twice changes nothing.
 */
export const confirmSubmission: FormSubmission<never, string> = {
  name: "newsletter-confirm",
  fields: [],
  async parse(_values, form) {
    const token = form.get("token");
    const link =
      typeof token === "string" && token ? await inspectLink(await formDatabase(), token) : undefined;
    if (link && (link.state === "pending" || link.state === "subscribed")) {
      return { success: true, data: token as string };
    }
    return { success: false, message: confirmAnswer(link ?? { state: "unknown" }).message };
  },
  invalidMessage: confirmAnswer({ state: "unknown" }).message!,
  async act(token, { mailer }) {
    // The link was usable a moment ago; if it expired since, the answer says so.
    return confirmAnswer(await confirmSubscription(await formDatabase(), mailer, token)).message!;
  },
  failedMessage:
    "Your subscription could not be saved just now, so you are not subscribed yet. Please press the button again in a minute.",
};
