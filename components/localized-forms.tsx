import "server-only";
import type { FieldCopy } from "@/components/field-copy";
import { InquiryForm, type InquiryFormCopy } from "@/components/inquiry-form";
import type { ConfirmCopy } from "@/components/newsletter-confirm-form";
import { NewsletterSignup, type NewsletterCopy } from "@/components/newsletter-signup";
import { siteConfig } from "@/lib/config/site-config";
import { pageByKey } from "@/lib/content/loader";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";
import { inquiryLimits } from "@/lib/inquiry/fields";
import { newsletterLimits } from "@/lib/newsletter/fields";

// The forms are client components: they get their words here, as props, in one language.

function fieldCopy(language: Language): FieldCopy {
  const { fields, validation } = dictionary(language);
  const limits = {
    nameTooLong: { max: inquiryLimits.name },
    companyTooLong: { max: inquiryLimits.company },
    messageTooShort: { min: inquiryLimits.messageMin },
    messageTooLong: { max: inquiryLimits.message },
    firstNameTooLong: { max: newsletterLimits.firstName },
  } as Partial<Record<keyof typeof validation, Record<string, number>>>;
  const messages = Object.fromEntries(
    Object.entries(validation).map(([key, text]) => [
      key,
      fill(text, limits[key as keyof typeof validation] ?? {}),
    ]),
  );
  return { optional: fields.optional, email: fields.email, messages };
}

export function inquiryFormCopy(language: Language): InquiryFormCopy {
  const { inquiryForm } = dictionary(language);
  return {
    ...inquiryForm,
    messageHint: fill(inquiryForm.messageHint, { max: inquiryLimits.message }),
    fields: fieldCopy(language),
  };
}

export function newsletterCopy(language: Language): NewsletterCopy {
  const { site, newsletterForm } = dictionary(language);
  const privacy = pageByKey("privacy", language);
  return {
    pitch: fill(site.newsletterPitch, { count: siteConfig.newsletter.subscriberCount }),
    blurb: fill(site.newsletterBlurb, { cadence: site.newsletterCadence }),
    landmark: newsletterForm.landmark,
    submit: newsletterForm.submit,
    pending: newsletterForm.pending,
    firstName: newsletterForm.firstName,
    privacyLink: newsletterForm.privacyLink,
    privacyHref: `${privacy?.href ?? "/privacy"}#${newsletterForm.privacyAnchor}`,
    fields: fieldCopy(language),
  };
}

export function confirmCopy(language: Language): ConfirmCopy {
  return dictionary(language).confirmForm;
}

export function LocalizedInquiryForm({ language }: { language: Language }) {
  return <InquiryForm language={language} copy={inquiryFormCopy(language)} />;
}

export function LocalizedNewsletterSignup({
  language,
  ...props
}: {
  language: Language;
  variant?: "band" | "page" | "issue" | "inline" | "retry";
  label?: string;
}) {
  return <NewsletterSignup {...props} language={language} copy={newsletterCopy(language)} />;
}
