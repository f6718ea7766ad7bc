import type { MetadataRoute } from "next";
import { allPages, publishedIssues } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";

export default function sitemap(): MetadataRoute.Sitemap {
  const pages: MetadataRoute.Sitemap = allPages().map((page) => ({
    url: `${siteUrl()}${page.href}`,
    lastModified: page.updated ?? page.published,
    changeFrequency: page.layout === "legal" ? "yearly" : "monthly",
    priority: page.href === "/" ? 1 : page.layout === "legal" ? 0.3 : 0.8,
  }));
  const issues: MetadataRoute.Sitemap = publishedIssues().map((issue) => ({
    url: `${siteUrl()}${issue.href}`,
    lastModified: issue.date,
    changeFrequency: "yearly",
    priority: 0.6,
  }));
  return [...pages, ...issues];
}
