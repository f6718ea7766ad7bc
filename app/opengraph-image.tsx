import { ImageResponse } from "next/og";
import { OgCard } from "@/components/og-card";
import { getPage, HOME_SLUG } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

export const alt = siteConfig.tagline;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function OpenGraphImage() {
  const page = getPage(HOME_SLUG);
  return new ImageResponse(
    <OgCard
      eyebrow={page?.og?.eyebrow ?? "Executive coaching"}
      title={page?.og?.title ?? page?.title ?? siteConfig.name}
      brand={siteConfig.name}
    />,
    size,
  );
}
