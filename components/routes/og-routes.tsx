import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { OgCard } from "@/components/og-card";
import { siteConfig } from "@/lib/config/site-config";
import { contentSlugs, getIssue, getPage, HOME_SLUG, pageByKey, publishedIssues } from "@/lib/content/loader";
import { dictionary } from "@/lib/i18n/dictionary";
import { formatDate, type Language } from "@/lib/i18n/languages";

// The Open Graph images, for either language: each page's eyebrow and title on the site's card.

export const ogSize = { width: 1200, height: 630 };

function pageCard(language: Language, slug: string): ImageResponse {
  const page = getPage(slug, language);
  if (!page) notFound();
  return new ImageResponse(
    <OgCard
      eyebrow={page.og?.eyebrow ?? page.eyebrow ?? dictionary(language).site.ogFallbackEyebrow}
      title={page.og?.title ?? page.heading ?? page.title}
      brand={siteConfig.name}
    />,
    ogSize,
  );
}

export function ogAlt(language: Language): string {
  return dictionary(language).site.tagline;
}

export function homeOgImage(language: Language) {
  return () => pageCard(language, pageByKey(HOME_SLUG, language)?.slug ?? HOME_SLUG);
}

export function newsletterOgImage(language: Language) {
  return () => pageCard(language, pageByKey("newsletter", language)?.slug ?? "newsletter");
}

export function contentOgImage(language: Language) {
  return {
    generateStaticParams: () => contentSlugs(language).map((slug) => ({ slug })),
    Image: async ({ params }: { params: Promise<{ slug: string }> }) =>
      pageCard(language, (await params).slug),
  };
}

export function issueOgImage(language: Language) {
  return {
    generateStaticParams: () => publishedIssues(language).map((issue) => ({ slug: issue.slug })),
    async Image({ params }: { params: Promise<{ slug: string }> }) {
      const issue = getIssue((await params).slug, language);
      if (!issue) notFound();
      const eyebrow = `${dictionary(language).issues.eyebrow} · ${formatDate(issue.date, language)}`;
      return new ImageResponse(
        <OgCard eyebrow={eyebrow} title={issue.title} brand={siteConfig.name} />,
        ogSize,
      );
    },
  };
}
