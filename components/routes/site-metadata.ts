import type { Metadata, Viewport } from "next";
import { siteUrl } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import { feedAlternates } from "@/lib/content/feeds";
import { dictionary } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

/** What every page of a language inherits: the title template, the description, the feeds. */
export function siteRootMetadata(language: Language): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
    description: dictionary(language).site.description,
    applicationName: siteConfig.name,
    authors: [{ name: siteConfig.coach.name }],
    formatDetection: { telephone: false, email: false, address: false },
    alternates: { types: feedAlternates(language) },
  };
}

export const siteViewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1211" },
  ],
};
