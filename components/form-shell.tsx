"use client";

import { useActionState, useId, type ReactNode } from "react";
import { stampFillTime } from "@/components/fill-time";
import { FieldCopyContext, type FieldCopy } from "@/components/field-copy";
import { FormAlert } from "@/components/form-alert";
import { Honeypot } from "@/components/honeypot";
import { SubmitButton } from "@/components/submit-button";
import { useFormFeedback, type Shape } from "@/components/use-form-feedback";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import type { FormState } from "@/lib/forms/form-state";
import type { Language } from "@/lib/i18n/languages";

type Feedback<Field extends string> = Pick<ReturnType<typeof useFormFeedback<Field>>, "control" | "errorFor">;

type FormShellProps<Field extends string> = {
  action: (previous: FormState<Field>, form: FormData) => Promise<FormState<Field>>;
  /** The page's language: the server answers in it, and the fields speak it. */
  language: Language;
  fieldCopy: FieldCopy;
  fields: readonly Field[];
  loadShape: () => Promise<Shape<Field>>;
  /** How the status region looks once it holds the success message. */
  successClassName: string;
  /** Where a failed submission is announced: at the top of the form, or above it. */
  alert: { placement: "in-form" | "above-form"; className?: string };
  formProps: {
    className: string;
    "aria-label"?: string;
    "aria-labelledby"?: string;
    "aria-describedby"?: string;
  };
  /** Shown at the top of the form, before the alert. */
  intro?: ReactNode;
  /** `note` sits beside the button: what a person should read before pressing it. */
  submit: { label: string; pendingLabel: string; wrapperClassName?: string; note?: ReactNode };
  /** The fields, given the id prefix of this form and the props each control needs. */
  children: (form: Feedback<Field> & { id: string }) => ReactNode;
};

/**
 * What every form on the site shares: the Server Action's state, one submission at a time, the
 * bot signals (honeypot and fill time), a status region for the result and an alert region for
 * a failure. The form works without JavaScript; hydrated, it checks fields as they are left.
 */
export function FormShell<Field extends string>({
  action,
  language,
  fieldCopy,
  fields,
  loadShape,
  successClassName,
  alert,
  formProps,
  intro,
  submit,
  children,
}: FormShellProps<Field>) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const { formRef, statusRef, errorFor, control } = useFormFeedback(state, fields, loadShape);
  const id = useId();
  const alertRegion = (
    <FormAlert message={state.status === "error" ? state.message : undefined} className={alert.className} />
  );
  const button = (
    <SubmitButton pending={pending} pendingLabel={submit.pendingLabel}>
      {submit.label}
    </SubmitButton>
  );

  return (
    <FieldCopyContext value={fieldCopy}>
      <div
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={state.status === "success" ? successClassName : "sr-only"}
      >
        {(state.status === "success" || state.status === "invalid") && state.message}
        {state.status === "success" && state.next && (
          <p className="mt-5">
            {/* A plain link, not a widget: nothing from the booking service loads on this site. */}
            <a
              href={state.next.href}
              // The only next step is the booking link: the analytics beacon counts its clicks.
              data-analytics="booking"
              className="inline-flex min-h-11 items-center justify-center rounded-full bg-brand px-6 py-2.5 text-base font-semibold text-brand-ink no-underline shadow-sm shadow-brand/20 transition-colors hover:bg-brand/90 motion-reduce:transition-none"
            >
              {state.next.label}
            </a>
          </p>
        )}
      </div>
      {alert.placement === "above-form" && alertRegion}
      {state.status !== "success" && (
        <form
          ref={formRef}
          action={formAction}
          onSubmit={(event) => {
            if (pending) event.preventDefault();
            else stampFillTime(event);
          }}
          noValidate
          {...formProps}
        >
          {intro}
          {alert.placement === "in-form" && alertRegion}
          {children({ id, control, errorFor })}
          <input type="hidden" name="lang" value={language} />
          <Honeypot />
          <input type="hidden" name={FILL_TIME_FIELD} defaultValue="" />
          {submit.wrapperClassName || submit.note ? (
            <div className={submit.wrapperClassName}>
              {button}
              {submit.note}
            </div>
          ) : (
            button
          )}
        </form>
      )}
    </FieldCopyContext>
  );
}
