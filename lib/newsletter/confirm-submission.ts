import "server-only";
import { signingSecret } from "@/lib/config/signing-secret";
import type { FormState } from "@/lib/forms/form-state";
import type { FormSubmission } from "@/lib/forms/submit-form";
import { verifySignupToken, type SignupClaims } from "@/lib/newsletter/confirmation-token";
import { confirmSubscription } from "@/lib/newsletter/double-opt-in";

export type ConfirmState = FormState<never>;

const notValid = "This confirmation link is not valid. Please sign up again below.";

/**
 * The one button of the double opt-in. No honeypot and no rate limit: only the holder of a
 * valid signed link gets this far, and confirming twice is harmless.
 */
export const confirmSubmission: FormSubmission<never, SignupClaims> = {
  name: "newsletter-confirm",
  fields: [],
  async parse(_values, form) {
    const token = form.get("token");
    const check = await verifySignupToken(typeof token === "string" ? token : "", signingSecret());
    if (check.valid) return { success: true, data: check };
    return {
      success: false,
      message:
        check.reason === "expired"
          ? "This confirmation link has expired. Please sign up again below; it only takes a moment."
          : notValid,
    };
  },
  invalidMessage: notValid,
  async act(claims, { mailer }) {
    await confirmSubscription(claims, mailer);
    return `You're subscribed. The next issue goes to ${claims.email}.`;
  },
  failedMessage:
    "Your subscription could not be saved just now, so you are not subscribed yet. Please press the button again in a minute.",
};
