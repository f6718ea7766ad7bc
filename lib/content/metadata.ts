import type { Metadata } from "next";
import { feedAlternates } from "@/lib/content/feeds";
import { issueVersions, pageVersions, type Issue, type Page } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";
import { defaultLanguage, languageInfo, type Language } from "@/lib/i18n/languages";

/**
 * hreflang alternates: every version of the page by language, and English as x-default (the
 * version for a reader whose language has none).
 */
export function languageAlternates(versions: Partial<Record<Language, { href: string }>>) {
  const languages: Record<string, string> = {};
  for (const [language, version] of Object.entries(versions)) languages[language] = version.href;
  const fallback = versions[defaultLanguage];
  if (fallback && Object.keys(languages).length > 1) languages["x-default"] = fallback.href;
  return Object.keys(languages).length > 1 ? languages : undefined;
}

function openGraphLocales(language: Language, versions: Partial<Record<Language, unknown>>) {
  return {
    locale: languageInfo[language].ogLocale,
    alternateLocale: (Object.keys(versions) as Language[])
      .filter((other) => other !== language)
      .map((other) => languageInfo[other].ogLocale),
  };
}

// A page's `alternates` replaces the layout's whole, so every page repeats the feed links.
export function pageMetadata(page: Page): Metadata {
  const isHome = page.key === "index";
  const versions = pageVersions(page);
  return {
    title: isHome ? { absolute: page.title } : page.title,
    description: page.description,
    alternates: {
      canonical: page.href,
      languages: languageAlternates(versions),
      types: feedAlternates(page.language),
    },
    openGraph: {
      type: "website",
      url: page.href,
      title: page.title,
      description: page.description,
      siteName: siteConfig.name,
      ...openGraphLocales(page.language, versions),
    },
    twitter: {
      card: "summary_large_image",
      title: page.title,
      description: page.description,
    },
  };
}

export function issueMetadata(issue: Issue): Metadata {
  const versions = issueVersions(issue);
  return {
    title: issue.title,
    description: issue.summary,
    alternates: {
      canonical: issue.href,
      languages: languageAlternates(versions),
      types: feedAlternates(issue.language),
    },
    openGraph: {
      type: "article",
      url: issue.href,
      title: issue.title,
      description: issue.summary,
      siteName: siteConfig.name,
      ...openGraphLocales(issue.language, versions),
      publishedTime: issue.date,
      authors: [siteConfig.coach.name],
    },
    twitter: {
      card: "summary_large_image",
      title: issue.title,
      description: issue.summary,
    },
  };
}
