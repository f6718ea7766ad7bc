import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { headerRules } from "./lib/config/security-headers";
import { confirmPaths } from "./lib/newsletter/confirm-path";

const nextConfig: NextConfig = {
  pageExtensions: ["ts", "tsx", "md", "mdx"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Two root layouts (app/(en), app/(de)/de) leave no layout for a URL that matches nothing:
    // app/global-not-found.tsx is that 404, built static like the pages.
    globalNotFound: true,
    // With the default (50 kB) Turbopack merged the form components into both the layout's
    // and the page's chunk, so every page downloaded them twice (about 5 KB gzipped).
    turbopackChunking: { minChunkSize: 10000 },
    serverActions: {
      // An inquiry is a few kilobytes; refuse anything far larger before parsing it.
      bodySizeLimit: "64kb",
    },
  },
  async headers() {
    return headerRules({
      production: process.env.NODE_ENV === "production",
      personalPaths: Object.values(confirmPaths),
    });
  },
};

// Turbopack needs plugins named as strings: its loader options must be serializable.
const withMDX = createMDX({
  options: {
    remarkPlugins: ["remark-frontmatter", "remark-gfm"],
    rehypePlugins: ["rehype-slug"],
  },
});

export default withMDX(nextConfig);
