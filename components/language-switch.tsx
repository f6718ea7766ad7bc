import { dictionary } from "@/lib/i18n/dictionary";
import { languageInfo, type Language } from "@/lib/i18n/languages";

/**
 * Links to this page in the other languages it exists in: a plain link (a full page load, each
 * language having its own document), named in its own language, with `hreflang` and `lang`.
 */
export function LanguageSwitch({
  language,
  versions,
}: {
  language: Language;
  versions: Partial<Record<Language, { href: string }>>;
}) {
  const others = (Object.entries(versions) as [Language, { href: string }][]).filter(
    ([other]) => other !== language,
  );
  if (others.length === 0) return null;
  return (
    <ul className="flex justify-end gap-4 pt-4 text-sm">
      {others.map(([other, version]) => (
        <li key={other}>
          <a
            href={version.href}
            hrefLang={other}
            lang={other}
            aria-label={dictionary(other).common.thisPageInLanguage}
            className="inline-flex min-h-11 items-center text-muted underline underline-offset-4 hover:text-ink"
          >
            {languageInfo[other].name}
          </a>
        </li>
      ))}
    </ul>
  );
}
