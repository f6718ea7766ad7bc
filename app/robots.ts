import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/config/env";

export default function robots(): MetadataRoute.Robots {
  return {
    // Confirmation links are personal; they must never be indexed.
    rules: [{ userAgent: "*", allow: "/", disallow: ["/newsletter/confirm"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
    host: siteUrl(),
  };
}
