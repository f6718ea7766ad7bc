import "server-only";
import { de } from "@/lib/i18n/dictionaries/de";
import { en, type Dictionary } from "@/lib/i18n/dictionaries/en";
import { fill } from "@/lib/i18n/fill";
import type { Language } from "@/lib/i18n/languages";

export type { Dictionary };

// Server-only: a client component gets the few strings it shows as props, never a dictionary
// (importing one would ship every string of both languages to every page).
const dictionaries: Record<Language, Dictionary> = { en, de };

export function dictionary(language: Language): Dictionary {
  return dictionaries[language];
}

export { fill };

/** A count in words, singular or plural: "1 attempt", "3 Versuche". */
export function plural(forms: { one: string; other: string }, count: number): string {
  return fill(count === 1 ? forms.one : forms.other, { count });
}

/** How long to wait, in words, for a refused attempt: "1 minute", "10 Minuten". */
export function waitInWords(retryAfterSeconds: number, language: Language): string {
  return plural(dictionary(language).wait, Math.max(1, Math.ceil(retryAfterSeconds / 60)));
}
