"use client";

import { useActionState, useEffect, useRef } from "react";
import { confirm } from "@/app/(en)/newsletter/confirm/actions";
import { NewsletterSignup, type NewsletterCopy } from "@/components/newsletter-signup";
import { SubmitButton } from "@/components/submit-button";
import type { Language } from "@/lib/i18n/languages";
import type { ConfirmState } from "@/lib/newsletter/confirm-submission";

export type ConfirmCopy = { questionBefore: string; questionAfter: string; submit: string; pending: string };

const initialState: ConfirmState = { status: "idle" };

/** The one button of the double opt-in: a POST, so mail scanners that open links change nothing. */
export function NewsletterConfirmForm({
  token,
  email,
  language,
  copy,
  signupCopy,
}: {
  token: string;
  email: string;
  language: Language;
  copy: ConfirmCopy;
  /** For signing up again when the link turns out not to work. */
  signupCopy: NewsletterCopy;
}) {
  const [state, formAction, pending] = useActionState(confirm, initialState);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== "idle") statusRef.current?.focus();
  }, [state]);

  return (
    <div className="not-prose max-w-2xl">
      <div
        ref={statusRef}
        tabIndex={-1}
        role={state.status === "error" || state.status === "invalid" ? "alert" : "status"}
        className={
          state.status === "success"
            ? "rounded-2xl border border-success/40 bg-success/10 p-6 text-lg text-ink"
            : state.status === "idle"
              ? "sr-only"
              : "rounded-2xl border border-danger/40 bg-danger/5 p-6 text-ink"
        }
      >
        {state.message}
      </div>
      {(state.status === "idle" || state.status === "error") && (
        <form
          action={formAction}
          className="mt-6 rounded-3xl border border-line bg-surface p-6 shadow-sm sm:p-8"
        >
          <p className="text-lg text-ink">
            {copy.questionBefore} <strong className="break-all">{email}</strong> {copy.questionAfter}
          </p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="lang" value={language} />
          <div className="mt-6">
            <SubmitButton pending={pending} pendingLabel={copy.pending}>
              {copy.submit}
            </SubmitButton>
          </div>
        </form>
      )}
      {state.status === "invalid" && (
        <NewsletterSignup variant="retry" language={language} copy={signupCopy} />
      )}
    </div>
  );
}
