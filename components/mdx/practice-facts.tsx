import { siteConfig } from "@/lib/config/site-config";

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

export function PostalAddress({ inline = false }: { inline?: boolean }) {
  const { street, postalCode, city, country } = siteConfig.address;
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

export function PolicyVersion() {
  return (
    <p>
      Version <time dateTime={siteConfig.privacyPolicyVersion}>{siteConfig.privacyPolicyVersion}</time>.
    </p>
  );
}
