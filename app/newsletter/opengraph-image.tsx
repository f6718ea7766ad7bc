import { siteConfig } from "@/lib/config/site-config";
import { pageOgImage } from "@/components/page-og-image";

export const alt = siteConfig.tagline;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function OpenGraphImage() {
  return pageOgImage("newsletter", size);
}
