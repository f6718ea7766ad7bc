/**
 * Facts about the practice, in one place. Pages, metadata, JSON-LD and emails read them
 * from here; change them here only.
 */
export const siteConfig = {
  name: "Alex Brandt Coaching",
  shortName: "Alex Brandt",
  tagline: "Executive coaching for VPs of Engineering and engineering leaders",
  description:
    "Executive coaching for VPs of Engineering, Heads of Engineering and CTOs: influence without authority, the CTO question, and the career after VPE.",
  locale: "en_US",
  language: "en",
  coach: {
    name: "Alex Brandt",
    jobTitle: "Executive coach for engineering leaders",
    leadersCoached: "80+",
    bio: "Former VP of Engineering and CTO. I have sat in both seats and now coach engineering leaders one to one.",
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
    cadence: "about twice a month",
  },
  // Bumped whenever the privacy page changes; stored with each newsletter consent.
  privacyPolicyVersion: "2026-11-26",
  social: [
    {
      label: "LinkedIn",
      href: "https://www.linkedin.com/in/alex-brandt-coaching",
    },
    { label: "Mastodon", href: "https://hachyderm.io/@alexbrandt" },
  ],
} as const;

export type SiteConfig = typeof siteConfig;

export function newsletterPitch(): string {
  return `Join ${siteConfig.newsletter.subscriberCount} CTOs and engineering managers for opinionated insights`;
}
