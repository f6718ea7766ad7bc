import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { OgCard } from "@/components/og-card";
import { siteConfig } from "@/lib/config/site-config";
import { getPage } from "@/lib/content/loader";

/** The Open Graph image of a content page: its eyebrow and title on the site's card. */
export function pageOgImage(slug: string, size: { width: number; height: number }): ImageResponse {
  const page = getPage(slug);
  if (!page) notFound();
  return new ImageResponse(
    <OgCard
      eyebrow={page.og?.eyebrow ?? page.eyebrow ?? siteConfig.shortName}
      title={page.og?.title ?? page.heading ?? page.title}
      brand={siteConfig.name}
    />,
    size,
  );
}
