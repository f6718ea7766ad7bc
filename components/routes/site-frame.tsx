import type { ReactNode } from "react";
import { JsonLd } from "@/components/json-ld";
import { LocalizedNewsletterSignup } from "@/components/localized-forms";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { earlySnippet } from "@/lib/analytics/snippet";
import { analyticsEnv, siteUrl } from "@/lib/config/env";
import { siteConfig } from "@/lib/config/site-config";
import { footerPages, navPages, pageByKey } from "@/lib/content/loader";
import { practiceGraph } from "@/lib/content/structured-data";
import { dictionary } from "@/lib/i18n/dictionary";
import { localPath, type Language } from "@/lib/i18n/languages";

/**
 * The document around every page of one language: `<html lang>`, the header, the footer with
 * the newsletter band. Each language has its own root layout (app/(en), app/(de)/de), so the
 * language is known when the page is built and costs no code in the browser.
 */
export function SiteFrame({ language, children }: { language: Language; children: ReactNode }) {
  const words = dictionary(language);
  const nav = navPages(language).map((page) => ({ href: page.href, label: page.nav.label }));
  const footerLinks = footerPages(language).map((page) => ({ href: page.href, label: page.footer.label }));
  return (
    <html lang={language}>
      <body className="flex min-h-dvh flex-col">
        {/* First-party analytics (docs/analytics.md): an early Event Timing observer, then the
            beacon at idle after load. Read at build time: ANALYTICS=off leaves it out. */}
        {analyticsEnv().analyticsEnabled && <script dangerouslySetInnerHTML={{ __html: earlySnippet }} />}
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-brand px-4 py-2 text-brand-ink focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {words.common.skipToContent}
        </a>
        <SiteHeader
          brand={siteConfig.name}
          home={localPath(language, "/")}
          nav={nav}
          navLabel={words.common.mainNav}
          booking={{
            href: pageByKey("contact", language)?.href ?? localPath(language, "/contact"),
            label: words.common.bookIntroCall,
          }}
        />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter
          brand={siteConfig.name}
          tagline={words.site.tagline}
          email={siteConfig.contact.email}
          links={footerLinks}
          navLabel={words.common.footerNav}
          social={siteConfig.social}
        >
          <LocalizedNewsletterSignup variant="band" language={language} />
        </SiteFooter>
        <JsonLd data={practiceGraph(siteUrl(), language)} />
      </body>
    </html>
  );
}
