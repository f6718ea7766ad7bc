import { contentSlugs } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";
import { pageOgImage } from "@/components/page-og-image";

export const alt = siteConfig.tagline;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export function generateStaticParams() {
  return contentSlugs().map((slug) => ({ slug }));
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  return pageOgImage((await params).slug, size);
}
