import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFrame } from "@/components/routes/site-frame";
import { siteRootMetadata, siteViewport } from "@/components/routes/site-metadata";
import "../globals.css";

// The root layout of the English pages: one per language, so `<html lang>` is static.
export const metadata: Metadata = siteRootMetadata("en");
export const viewport: Viewport = siteViewport;

export default function EnglishLayout({ children }: { children: ReactNode }) {
  return <SiteFrame language={"en"}>{children}</SiteFrame>;
}
