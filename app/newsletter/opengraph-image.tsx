import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { OgCard } from "@/components/og-card";
import { getPage } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

export const alt = siteConfig.tagline;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function OpenGraphImage() {
  const page = getPage("newsletter");
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
