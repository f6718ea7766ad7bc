import type { Metadata } from "next";
import type { Page } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

export function pageMetadata(page: Page): Metadata {
  const isHome = page.href === "/";
  return {
    title: isHome ? { absolute: page.title } : page.title,
    description: page.description,
    alternates: { canonical: page.href },
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
