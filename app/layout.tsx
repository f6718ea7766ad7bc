import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { JsonLd } from "@/components/json-ld";
import { NewsletterSignup } from "@/components/newsletter-signup";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { feedAlternates } from "@/lib/content/feeds";
import { footerPages, navPages } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import { practiceGraph } from "@/lib/content/structured-data";
import { serif } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  applicationName: siteConfig.name,
  authors: [{ name: siteConfig.coach.name }],
  formatDetection: { telephone: false, email: false, address: false },
  alternates: { types: feedAlternates },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1211" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const nav = navPages().map((page) => ({
    href: page.href,
    label: page.nav.label,
  }));
  const footerLinks = footerPages().map((page) => ({
    href: page.href,
    label: page.footer.label,
  }));
  return (
    <html lang={siteConfig.language} className={serif.variable}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-brand px-4 py-2 text-brand-ink focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <SiteHeader brand={siteConfig.name} nav={nav} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter
          brand={siteConfig.name}
          tagline={siteConfig.tagline}
          email={siteConfig.contact.email}
          links={footerLinks}
          social={siteConfig.social}
        >
          <NewsletterSignup variant="band" />
        </SiteFooter>
        <JsonLd data={practiceGraph(siteUrl())} />
      </body>
    </html>
  );
}
