"use client";

import { useId } from "react";
import { sendInquiry } from "@/app/contact/actions";
import { EmailField } from "@/components/email-field";
import { controlClass, Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { TextField } from "@/components/text-field";
import { inquiryFields, inquiryLimits, inquiryRoles } from "@/lib/inquiry/fields";

const loadShape = () => import("@/lib/inquiry/validation").then((module) => module.inquirySchema.shape);

export function InquiryForm() {
  const requiredNote = useId();
  return (
    <div className="not-prose my-10 max-w-3xl">
      <FormShell
        action={sendInquiry}
        fields={inquiryFields}
        loadShape={loadShape}
        successClassName="rounded-2xl border border-success/40 bg-success/10 p-6 text-lg text-ink"
        alert={{ placement: "in-form" }}
        formProps={{
          className: "relative space-y-6 rounded-3xl border border-line bg-surface p-6 shadow-sm sm:p-8",
          "aria-describedby": requiredNote,
        }}
        intro={
          <p id={requiredNote} className="text-sm text-muted">
            All fields are required unless marked optional.
          </p>
        }
        submit={{ label: "Send inquiry", pendingLabel: "Sending…" }}
      >
        {({ id, control, errorFor }) => (
          <>
            <div className="grid gap-6 sm:grid-cols-2">
              <TextField
                id={`${id}-name`}
                label="Name"
                error={errorFor("name")}
                control={control("name")}
                autoComplete="name"
              />
              <EmailField id={`${id}-email`} error={errorFor("email")} control={control("email")} />
              <TextField
                id={`${id}-company`}
                label="Company"
                optional
                error={errorFor("company")}
                control={control("company")}
                autoComplete="organization"
              />
              <Field id={`${id}-role`} label="Role" optional error={errorFor("role")}>
                {(a11y) => (
                  <select {...a11y} {...control("role")} className={controlClass}>
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
              {(a11y) => (
                <textarea {...a11y} {...control("message")} rows={6} required className={controlClass} />
              )}
            </Field>
          </>
        )}
      </FormShell>
    </div>
  );
}
