import { siteConfig } from "@/lib/config/site-config";
import { de } from "@/lib/i18n/dictionaries/de";
import { en } from "@/lib/i18n/dictionaries/en";
import { fill } from "@/lib/i18n/fill";
import type { Language } from "@/lib/i18n/languages";

// The site's words as the tests look for them, from the dictionaries the site renders, so
// editing a sentence breaks no test.

export const words = { en, de } as const;

/** The newsletter band's heading, which names its landmark. */
export function newsletterPitch(language: Language = "en"): string {
  return fill(words[language].site.newsletterPitch, { count: siteConfig.newsletter.subscriberCount });
}
