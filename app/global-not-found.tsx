import type { Metadata } from "next";
import { SiteFrame } from "@/components/routes/site-frame";
import { notFoundMetadata, NotFoundPage } from "@/components/routes/not-found-page";
import "./globals.css";

// A URL no route matches, in either language: with two root layouts there is no layout to
// compose a 404 from, so this page is a whole document of its own (static, and rewritten by the
// post-build step like every page). It speaks both languages (docs/languages.md says why).
export const metadata: Metadata = notFoundMetadata();

export default function GlobalNotFound() {
  return (
    <SiteFrame language="en">
      <NotFoundPage />
    </SiteFrame>
  );
}
