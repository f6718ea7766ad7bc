/**
 * Facts about the practice, in one place. Pages, metadata, JSON-LD and emails read them
 * from here; change them here only. Words that differ by language (the tagline, the coach's
 * bio, the newsletter's cadence) are in the dictionaries, lib/i18n/dictionaries/.
 */
export const siteConfig = {
  name: "Alex Brandt Coaching",
  shortName: "Alex Brandt",
  /** The coach's own language: the coach's emails, the digest and reports are written in it. */
  coachLanguage: "en" as "en" | "de",
  coach: {
    name: "Alex Brandt",
    leadersCoached: "80+",
  },
  contact: {
    email: "hello@alexbrandt-coaching.de",
    phone: "+49 30 000000",
  },
  // A German practice must publish a serviceable postal address (§ 5 DDG).
  address: {
    street: "Torstraße 1",
    postalCode: "10119",
    city: "Berlin",
    country: "Germany",
    countryCode: "DE",
  },
  legal: {
    vatId: "DE000000000",
    responsibleForContent: "Alex Brandt",
  },
  newsletter: {
    subscriberCount: 5000,
  },
  // Bumped whenever the privacy page changes; stored with each newsletter consent.
  privacyPolicyVersion: "2026-12-04",
  social: [
    {
      label: "LinkedIn",
      href: "https://www.linkedin.com/in/alex-brandt-coaching",
    },
    { label: "Mastodon", href: "https://hachyderm.io/@alexbrandt" },
  ],
} as const;

export type SiteConfig = typeof siteConfig;
