import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/config/env";
import { allPages, issueVersions, pageVersions, publishedIssues } from "@/lib/content/loader";
import { languageAlternates } from "@/lib/content/metadata";
import { languages } from "@/lib/i18n/languages";

const absolute = (alternates: Record<string, string> | undefined) =>
  alternates &&
  Object.fromEntries(Object.entries(alternates).map(([language, href]) => [language, `${siteUrl()}${href}`]));

// Every page in every language, each with its hreflang alternates (xhtml:link).
export default function sitemap(): MetadataRoute.Sitemap {
  const pages: MetadataRoute.Sitemap = languages.flatMap((language) =>
    allPages(language).map((page) => ({
      url: `${siteUrl()}${page.href}`,
      lastModified: page.updated ?? page.published,
      changeFrequency: page.layout === "legal" ? "yearly" : "monthly",
      priority: page.key === "index" ? 1 : page.layout === "legal" ? 0.3 : 0.8,
      alternates: { languages: absolute(languageAlternates(pageVersions(page))) },
    })),
  );
  const issues: MetadataRoute.Sitemap = languages.flatMap((language) =>
    publishedIssues(language).map((issue) => ({
      url: `${siteUrl()}${issue.href}`,
      lastModified: issue.date,
      changeFrequency: "yearly",
      priority: 0.6,
      alternates: { languages: absolute(languageAlternates(issueVersions(issue))) },
    })),
  );
  return [...pages, ...issues];
}
