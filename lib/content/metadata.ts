import type { Metadata } from "next";
import { feedAlternates } from "@/lib/content/feeds";
import type { Issue, Page } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

// A page's `alternates` replaces the layout's whole, so every page repeats the feed links.
export function pageMetadata(page: Page): Metadata {
  const isHome = page.href === "/";
  return {
    title: isHome ? { absolute: page.title } : page.title,
    description: page.description,
    alternates: { canonical: page.href, types: feedAlternates },
    openGraph: {
      type: "website",
      url: page.href,
      title: page.title,
      description: page.description,
      siteName: siteConfig.name,
      locale: siteConfig.locale,
    },
    twitter: {
      card: "summary_large_image",
      title: page.title,
      description: page.description,
    },
  };
}

export function issueMetadata(issue: Issue): Metadata {
  return {
    title: issue.title,
    description: issue.summary,
    alternates: { canonical: issue.href, types: feedAlternates },
    openGraph: {
      type: "article",
      url: issue.href,
      title: issue.title,
      description: issue.summary,
      siteName: siteConfig.name,
      locale: siteConfig.locale,
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
