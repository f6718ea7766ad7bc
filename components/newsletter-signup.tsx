"use client";

import Link from "next/link";
import { useId } from "react";
import { subscribe } from "@/app/(en)/newsletter/actions";
import { EmailField } from "@/components/email-field";
import { FormShell } from "@/components/form-shell";
import { TextField } from "@/components/text-field";
import type { FieldCopy } from "@/components/field-copy";
import type { Language } from "@/lib/i18n/languages";
import { newsletterFields, type SignupSource } from "@/lib/newsletter/fields";

/** The form's words in the page's language, from the server (components/localized-forms.tsx). */
export type NewsletterCopy = {
  pitch: string;
  blurb: string;
  landmark: string;
  submit: string;
  pending: string;
  firstName: string;
  privacyLink: string;
  privacyHref: string;
  fields: FieldCopy;
};

type Variant = "band" | "page" | "issue" | "inline" | "retry";

const sources: Record<Variant, SignupSource> = {
  band: "site-band",
  page: "newsletter-page",
  issue: "issue-page",
  inline: "content-slot",
  retry: "confirm-page",
};

const loadShape = () => import("@/lib/newsletter/validation").then((module) => module.newsletterSchema.shape);

/** The newsletter form: the band on every page, the /newsletter page, and <NewsletterSignup /> in MDX. */
export function NewsletterSignup({
  variant = "inline",
  label,
  language,
  copy,
}: {
  variant?: Variant;
  /** The landmark's name where the page needs one of its own (not used by the band). */
  label?: string;
  language: Language;
  copy: NewsletterCopy;
}) {
  const headingId = useId();
  const showHeading = variant === "band" || variant === "inline";
  // Every landmark needs a name of its own: the band in the footer goes by its heading, a
  // signup in the page (which may show a heading with the same words) by what it is.
  const name =
    variant === "band" ? { "aria-labelledby": headingId } : { "aria-label": label ?? copy.landmark };

  return (
    <section
      {...name}
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
            {copy.pitch}
          </h2>
        )}
        {showHeading && <p className="mt-2 max-w-2xl text-muted">{copy.blurb}</p>}
        <FormShell
          action={subscribe}
          language={language}
          fieldCopy={copy.fields}
          fields={newsletterFields}
          loadShape={loadShape}
          successClassName="mt-6 rounded-xl border border-success/40 bg-success/10 p-4 text-ink"
          alert={{ placement: "above-form", className: "mt-6" }}
          formProps={{
            className: "relative mt-6 flex flex-col gap-4 sm:flex-row sm:items-start",
            ...name,
          }}
          submit={{
            label: copy.submit,
            pendingLabel: copy.pending,
            wrapperClassName: "sm:pt-7",
            note: (
              <p className="mt-2 text-sm text-muted">
                <Link href={copy.privacyHref} className="underline underline-offset-2 hover:text-ink">
                  {copy.privacyLink}
                </Link>
              </p>
            ),
          }}
        >
          {({ id, control, errorFor }) => (
            <>
              <EmailField
                id={`${id}-email`}
                error={errorFor("email")}
                control={control("email")}
                className="sm:flex-[3]"
              />
              <TextField
                id={`${id}-first-name`}
                label={copy.firstName}
                optional
                error={errorFor("firstName")}
                control={control("firstName")}
                autoComplete="given-name"
                className="sm:flex-[2]"
              />
              <input type="hidden" name="source" value={sources[variant]} />
            </>
          )}
        </FormShell>
      </div>
    </section>
  );
}
