import { siteConfig } from "@/lib/config/site-config";
import { dictionary } from "@/lib/i18n/dictionary";
import { formatDate, type Language } from "@/lib/i18n/languages";

// Facts about the practice for MDX pages, read from the one site config.

export function CoachName() {
  return <>{siteConfig.coach.name}</>;
}

export function ContactEmail() {
  const { email } = siteConfig.contact;
  return <a href={`mailto:${email}`}>{email}</a>;
}

export function ContactPhone() {
  const { phone } = siteConfig.contact;
  return <a href={`tel:${phone.replaceAll(" ", "")}`}>{phone}</a>;
}

export function PostalAddress({ inline = false, language }: { inline?: boolean; language: Language }) {
  const { street, postalCode, city } = siteConfig.address;
  const { country } = dictionary(language).site;
  if (inline) return <>{`${street}, ${postalCode} ${city}, ${country}`}</>;
  return (
    <>
      {street}
      <br />
      {postalCode} {city}
      <br />
      {country}
    </>
  );
}

export function VatId() {
  return <>{siteConfig.legal.vatId}</>;
}

export function ResponsibleForContent() {
  return <>{siteConfig.legal.responsibleForContent}</>;
}

export function PolicyVersion({ language }: { language: Language }) {
  const version = siteConfig.privacyPolicyVersion;
  return (
    <p>
      {dictionary(language).common.policyVersion}:{" "}
      <time dateTime={version}>{formatDate(version, language)}</time>.
    </p>
  );
}
