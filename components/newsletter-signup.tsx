"use client";

import { useActionState, useId } from "react";
import { subscribe, type NewsletterState } from "@/app/newsletter/actions";
import { controlClass, Field } from "@/components/field";
import { stampFillTime } from "@/components/fill-time";
import { FormAlert } from "@/components/form-alert";
import { Honeypot } from "@/components/honeypot";
import { SubmitButton } from "@/components/submit-button";
import { useFormFeedback } from "@/components/use-form-feedback";
import { newsletterFields, type SignupSource } from "@/lib/newsletter-fields";
import { newsletterPitch, siteConfig } from "@/lib/site-config";
import { FILL_TIME_FIELD } from "@/lib/spam";

type Variant = "band" | "page" | "inline" | "retry";

const sources: Record<Variant, SignupSource> = {
  band: "site-band",
  page: "newsletter-page",
  inline: "content-slot",
  retry: "confirm-page",
};

const initialState: NewsletterState = { status: "idle" };
const loadShape = () => import("@/lib/newsletter-schema").then((module) => module.newsletterSchema.shape);

/** The newsletter form: the band on every page, the /newsletter page, and <NewsletterSignup /> in MDX. */
export function NewsletterSignup({ variant = "inline" }: { variant?: Variant }) {
  const [state, formAction, pending] = useActionState(subscribe, initialState);
  const { formRef, statusRef, errorFor, control } = useFormFeedback(state, newsletterFields, loadShape);
  const id = useId();
  const headingId = `${id}-heading`;
  const showHeading = variant === "band" || variant === "inline";

  const form = (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        if (pending) event.preventDefault();
        else stampFillTime(event);
      }}
      noValidate
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : "Newsletter signup"}
      className="relative mt-6 flex flex-col gap-4 sm:flex-row sm:items-start"
    >
      <Field id={`${id}-email`} label="Email" error={errorFor("email")} className="sm:flex-[3]">
        {(a11y) => (
          <input
            {...a11y}
            {...control("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            className={controlClass}
          />
        )}
      </Field>
      <Field
        id={`${id}-first-name`}
        label="First name"
        optional
        error={errorFor("firstName")}
        className="sm:flex-[2]"
      >
        {(a11y) => (
          <input
            {...a11y}
            {...control("firstName")}
            type="text"
            autoComplete="given-name"
            className={controlClass}
          />
        )}
      </Field>
      <input type="hidden" name="source" value={sources[variant]} />
      <input type="hidden" name={FILL_TIME_FIELD} defaultValue="" />
      <Honeypot />
      <div className="sm:pt-7">
        <SubmitButton pending={pending} pendingLabel="Subscribing…">
          Subscribe
        </SubmitButton>
      </div>
    </form>
  );

  return (
    <section
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : "Newsletter signup"}
      className={
        variant === "band"
          ? "border-b border-line bg-brand-soft"
          : "not-prose my-12 rounded-3xl border border-line bg-surface p-6 shadow-sm sm:p-8"
      }
    >
      <div className={variant === "band" ? "mx-auto max-w-6xl px-5 py-12 sm:px-8" : ""}>
        {showHeading && (
          <h2
            id={headingId}
            className="max-w-2xl font-serif text-2xl leading-tight font-semibold text-ink sm:text-3xl"
          >
            {newsletterPitch()}
          </h2>
        )}
        {showHeading && (
          <p className="mt-2 max-w-2xl text-muted">
            One idea per issue, {siteConfig.newsletter.cadence}. Confirm by email; leave with one click.
          </p>
        )}
        <div
          ref={statusRef}
          role="status"
          tabIndex={-1}
          className={
            state.status === "success"
              ? "mt-6 rounded-xl border border-success/40 bg-success/10 p-4 text-ink"
              : "sr-only"
          }
        >
          {(state.status === "success" || state.status === "invalid") && state.message}
        </div>
        <FormAlert message={state.status === "error" ? state.message : undefined} className="mt-6" />
        {state.status !== "success" && form}
      </div>
    </section>
  );
}
