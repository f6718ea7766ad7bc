"use server";

import { MailError } from "@/lib/mail";
import { confirmSubscription } from "@/lib/newsletter";
import { verifySignupToken } from "@/lib/newsletter-token";
import { signingSecret } from "@/lib/signing-secret";

export type ConfirmState = {
  status: "idle" | "subscribed" | "invalid" | "error";
  message?: string;
};

export async function confirm(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  const token = form.get("token");
  const check = await verifySignupToken(typeof token === "string" ? token : "", signingSecret());
  if (!check.valid) {
    return {
      status: "invalid",
      message:
        check.reason === "expired"
          ? "This confirmation link has expired. Please sign up again below; it only takes a moment."
          : "This confirmation link is not valid. Please sign up again below.",
    };
  }
  try {
    await confirmSubscription(check);
    return {
      status: "subscribed",
      message: `You're subscribed. The next issue goes to ${check.email}.`,
    };
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    console.error("[newsletter] confirmation failed", error.message);
    return {
      status: "error",
      message:
        "Your subscription could not be saved just now, so you are not subscribed yet. Please press the button again in a minute.",
    };
  }
}
