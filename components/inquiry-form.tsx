"use client";

import { useId } from "react";
import { sendInquiry } from "@/app/(en)/contact/actions";
import { EmailField } from "@/components/email-field";
import { controlClass, Field } from "@/components/field";
import type { FieldCopy } from "@/components/field-copy";
import { FormShell } from "@/components/form-shell";
import { TextField } from "@/components/text-field";
import type { Language } from "@/lib/i18n/languages";
import { inquiryFields, inquiryRoles, type InquiryRole } from "@/lib/inquiry/fields";

const loadShape = () => import("@/lib/inquiry/validation").then((module) => module.inquirySchema.shape);

/** The form's words in the page's language, from the server (components/localized-forms.tsx). */
export type InquiryFormCopy = {
  requiredNote: string;
  submit: string;
  pending: string;
  name: string;
  company: string;
  role: string;
  chooseRole: string;
  roles: Record<InquiryRole, string>;
  message: string;
  messageHint: string;
  fields: FieldCopy;
};

export function InquiryForm({ language, copy }: { language: Language; copy: InquiryFormCopy }) {
  const requiredNote = useId();
  return (
    <div className="not-prose my-10 max-w-3xl">
      <FormShell
        action={sendInquiry}
        language={language}
        fieldCopy={copy.fields}
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
            {copy.requiredNote}
          </p>
        }
        submit={{ label: copy.submit, pendingLabel: copy.pending }}
      >
        {({ id, control, errorFor }) => (
          <>
            <div className="grid gap-6 sm:grid-cols-2">
              <TextField
                id={`${id}-name`}
                label={copy.name}
                error={errorFor("name")}
                control={control("name")}
                autoComplete="name"
              />
              <EmailField id={`${id}-email`} error={errorFor("email")} control={control("email")} />
              <TextField
                id={`${id}-company`}
                label={copy.company}
                optional
                error={errorFor("company")}
                control={control("company")}
                autoComplete="organization"
              />
              <Field id={`${id}-role`} label={copy.role} optional error={errorFor("role")}>
                {(a11y) => (
                  <select {...a11y} {...control("role")} className={controlClass}>
                    <option value="">{copy.chooseRole}</option>
                    {inquiryRoles.map((role) => (
                      <option key={role} value={role}>
                        {copy.roles[role]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field
              id={`${id}-message`}
              label={copy.message}
              hint={copy.messageHint}
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
