import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentPage } from "@/components/content-page";
import { JsonLd } from "@/components/json-ld";
import { mdxComponents } from "@/components/mdx/mdx-components";
import { siteUrl } from "@/lib/config/env";
import { contentSlugs, getPage, HOME_SLUG, loadPageBody, pageByKey } from "@/lib/content/loader";
import { pageMetadata } from "@/lib/content/metadata";
import { breadcrumbList, serviceOffer } from "@/lib/content/structured-data";
import type { Language } from "@/lib/i18n/languages";

// The pages of content/ as routes, for either language: app/(en) and app/(de)/de only say which.

type SlugParams = { params: Promise<{ slug: string }> };

/** One page of content/ with its body, in its language. */
async function ContentRoute({ language, slug }: { language: Language; slug: string }) {
  const page = getPage(slug, language);
  if (!page) notFound();
  const Body = await loadPageBody(slug, language);
  const service = serviceOffer(page, siteUrl());
  return (
    <>
      <ContentPage page={page}>
        <Body components={mdxComponents(language)} />
      </ContentPage>
      {page.key !== HOME_SLUG && <JsonLd data={breadcrumbList(page, siteUrl())} />}
      {service && <JsonLd data={service} />}
    </>
  );
}

export function homeRoute(language: Language) {
  const slug = () => pageByKey(HOME_SLUG, language)?.slug ?? HOME_SLUG;
  return {
    generateMetadata(): Metadata {
      const page = getPage(slug(), language);
      if (!page) notFound();
      return pageMetadata(page);
    },
    Page: () => <ContentRoute language={language} slug={slug()} />,
  };
}

export function contentRoute(language: Language) {
  return {
    generateStaticParams: () => contentSlugs(language).map((slug) => ({ slug })),
    async generateMetadata({ params }: SlugParams): Promise<Metadata> {
      const page = getPage((await params).slug, language);
      // An unknown slug: the page itself answers with the 404.
      return page ? pageMetadata(page) : {};
    },
    Page: async ({ params }: SlugParams) => <ContentRoute language={language} slug={(await params).slug} />,
  };
}
