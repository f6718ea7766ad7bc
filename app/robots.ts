import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/config/env";
import { confirmPaths } from "@/lib/newsletter/confirm-path";

export default function robots(): MetadataRoute.Robots {
  return {
    // Confirmation links are personal; they must never be indexed, in any language.
    rules: [{ userAgent: "*", allow: "/", disallow: Object.values(confirmPaths) }],
    sitemap: `${siteUrl()}/sitemap.xml`,
    host: siteUrl(),
  };
}
