"use client";

import { useActionState, useId } from "react";
import { sendInquiry, type InquiryState } from "@/app/contact/actions";
import { controlClass, Field } from "@/components/field";
import { stampFillTime } from "@/components/fill-time";
import { FormAlert } from "@/components/form-alert";
import { Honeypot } from "@/components/honeypot";
import { SubmitButton } from "@/components/submit-button";
import { useFormFeedback } from "@/components/use-form-feedback";
import { inquiryFields, inquiryLimits, inquiryRoles, type InquiryField } from "@/lib/inquiry-fields";
import { FILL_TIME_FIELD } from "@/lib/spam";

const initialState: InquiryState = { status: "idle" };
const loadShape = () => import("@/lib/inquiry-schema").then((module) => module.inquirySchema.shape);

export function InquiryForm() {
  const [state, formAction, pending] = useActionState(sendInquiry, initialState);
  const { formRef, statusRef, errorFor, control } = useFormFeedback(state, inquiryFields, loadShape);
  const id = useId();
  const common = (field: InquiryField) => ({
    ...control(field),
    className: controlClass,
  });

  return (
    <div className="not-prose my-10 max-w-3xl">
      <div
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={
          state.status === "success"
            ? "rounded-2xl border border-success/40 bg-success/10 p-6 text-lg text-ink"
            : "sr-only"
        }
      >
        {state.status === "success" && state.message}
        {state.status === "invalid" && state.message}
      </div>
      {state.status !== "success" && (
        <form
          ref={formRef}
          action={formAction}
          onSubmit={(event) => {
            if (pending) event.preventDefault();
            else stampFillTime(event);
          }}
          noValidate
          aria-describedby={`${id}-required`}
          className="relative space-y-6 rounded-3xl border border-line bg-surface p-6 shadow-sm sm:p-8"
        >
          <p id={`${id}-required`} className="text-sm text-muted">
            All fields are required unless marked optional.
          </p>
          <FormAlert message={state.status === "error" ? state.message : undefined} />
          <div className="grid gap-6 sm:grid-cols-2">
            <Field id={`${id}-name`} label="Name" error={errorFor("name")}>
              {(control) => (
                <input {...control} {...common("name")} type="text" autoComplete="name" required />
              )}
            </Field>
            <Field id={`${id}-email`} label="Email" error={errorFor("email")}>
              {(control) => (
                <input
                  {...control}
                  {...common("email")}
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  spellCheck={false}
                  required
                />
              )}
            </Field>
            <Field id={`${id}-company`} label="Company" optional error={errorFor("company")}>
              {(control) => (
                <input {...control} {...common("company")} type="text" autoComplete="organization" />
              )}
            </Field>
            <Field id={`${id}-role`} label="Role" optional error={errorFor("role")}>
              {(control) => (
                <select {...control} {...common("role")}>
                  <option value="">Choose your role</option>
                  {inquiryRoles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            id={`${id}-message`}
            label="What would you like to work on?"
            hint={`A sentence or a few: where you are, and what you want to change. Up to ${inquiryLimits.message} characters.`}
            error={errorFor("message")}
          >
            {(control) => <textarea {...control} {...common("message")} rows={6} required />}
          </Field>
          <Honeypot />
          <input type="hidden" name={FILL_TIME_FIELD} defaultValue="" />
          <SubmitButton pending={pending} pendingLabel="Sending…">
            Send inquiry
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
