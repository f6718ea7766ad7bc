/** The site's languages: English at the root, German under /de. */
export const languages = ["en", "de"] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = "en";

export const languageInfo = {
  en: { name: "English", ogLocale: "en_US", intl: "en-GB", prefix: "" },
  de: { name: "Deutsch", ogLocale: "de_DE", intl: "de-DE", prefix: "/de" },
} as const satisfies Record<Language, { name: string; ogLocale: string; intl: string; prefix: string }>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** A form's hidden `lang` field, or English when it is missing or not one of ours. */
export function languageOf(value: unknown): Language {
  return isLanguage(value) ? value : defaultLanguage;
}

/** The language a site path is in: under /de it is German, anywhere else English. */
export function languageOfPath(path: string): Language {
  return path === "/de" || path.startsWith("/de/") ? "de" : defaultLanguage;
}

/** A site path in `language`: "/" and "/contact" in English, "/de" and "/de/kontakt" in German. */
export function localPath(language: Language, path: string): string {
  const prefix = languageInfo[language].prefix;
  if (!prefix) return path;
  return path === "/" ? prefix : `${prefix}${path}`;
}

/** "24 November 2026" / "24. November 2026" for a YYYY-MM-DD date, the same on every machine. */
export function formatDate(isoDate: string, language: Language): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(languageInfo[language].intl, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
