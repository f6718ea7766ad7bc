import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button-link";
import { LanguageSwitch } from "@/components/language-switch";
import { PageHeader } from "@/components/page-header";
import { pageByKey, pageVersions, type Page } from "@/lib/content/loader";
import { dictionary } from "@/lib/i18n/dictionary";
import { formatDate, localPath } from "@/lib/i18n/languages";

export function ContentPage({ page, children }: { page: Page; children: ReactNode }) {
  const home = page.layout === "home";
  const words = dictionary(page.language).common;
  const contact = pageByKey("contact", page.language)?.href ?? localPath(page.language, "/contact");
  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <LanguageSwitch language={page.language} versions={pageVersions(page)} />
      <PageHeader
        eyebrow={page.eyebrow}
        heading={page.heading ?? page.title}
        lead={page.lead}
        size={home ? "hero" : "page"}
      >
        {home && (
          <div className="mt-10 flex flex-wrap gap-4">
            <ButtonLink href={contact}>{words.bookIntroCall}</ButtonLink>
            {page.secondaryAction && (
              <ButtonLink href={page.secondaryAction.href} variant="secondary">
                {page.secondaryAction.label}
              </ButtonLink>
            )}
          </div>
        )}
      </PageHeader>
      <div
        className={`render-children-when-visible prose prose-lg max-w-none prose-site prose-headings:font-serif prose-headings:font-semibold prose-headings:tracking-tight prose-h2:mt-16 prose-h2:text-3xl prose-a:underline-offset-4 [&>*:not(.not-prose)]:max-w-3xl ${
          page.layout === "legal" ? "prose-h2:mt-10 prose-h2:text-2xl" : ""
        }`}
      >
        {children}
      </div>
      {page.updated && (
        <p className="mt-12 text-sm text-muted">
          {words.lastUpdated} <time dateTime={page.updated}>{formatDate(page.updated, page.language)}</time>
        </p>
      )}
    </div>
  );
}
