import type { MetadataRoute } from "next";
import { allPages } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";

export default function sitemap(): MetadataRoute.Sitemap {
  return allPages().map((page) => ({
    url: `${siteUrl()}${page.href}`,
    lastModified: page.updated ?? page.published,
    changeFrequency: page.layout === "legal" ? "yearly" : "monthly",
    priority: page.href === "/" ? 1 : page.layout === "legal" ? 0.3 : 0.8,
  }));
}
