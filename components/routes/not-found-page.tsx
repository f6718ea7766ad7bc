import type { Metadata } from "next";
import { ButtonLink } from "@/components/button-link";
import { pageByKey } from "@/lib/content/loader";
import { dictionary } from "@/lib/i18n/dictionary";
import { languages, localPath } from "@/lib/i18n/languages";

export function notFoundMetadata(): Metadata {
  const both = (pick: (words: ReturnType<typeof dictionary>) => string) =>
    languages.map((language) => pick(dictionary(language))).join(" · ");
  return {
    title: both((words) => words.notFound.title),
    description: both((words) => words.notFound.lead),
    robots: { index: false },
  };
}

/**
 * The 404, in both languages at once. With two root layouts Next builds one page for every URL
 * nothing matches (app/global-not-found.tsx), and a `notFound()` in a German page cannot reach a
 * German one (docs/languages.md), so each language speaks in its own `lang` block.
 */
export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-6xl px-5 pt-12 pb-8 sm:px-8 sm:pt-16">
      <p className="mb-4 text-sm font-semibold tracking-[0.14em] text-accent uppercase">404</p>
      <h1 className="max-w-4xl font-serif text-4xl leading-tight font-semibold tracking-tight text-balance text-ink sm:text-5xl">
        {languages.map((language, index) => (
          <span key={language} lang={language} className={index > 0 ? "block text-muted" : "block"}>
            {dictionary(language).notFound.heading}
          </span>
        ))}
      </h1>
      {languages.map((language) => {
        const words = dictionary(language);
        const offer = pageByKey("vp-engineering-coaching", language);
        return (
          <section key={language} lang={language} className="mt-8 max-w-2xl">
            <p className="text-lg text-pretty text-muted sm:text-xl">{words.notFound.lead}</p>
            <div className="mt-6 flex flex-wrap gap-4">
              <ButtonLink href={localPath(language, "/")}>{words.common.goHome}</ButtonLink>
              {offer && (
                <ButtonLink href={offer.href} variant="secondary">
                  {words.notFound.offerLink}
                </ButtonLink>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
