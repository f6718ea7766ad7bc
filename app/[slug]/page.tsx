import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentPage } from "@/components/content-page";
import { JsonLd } from "@/components/json-ld";
import { contentSlugs, getPage, loadPageBody } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";
import { pageMetadata } from "@/lib/content/metadata";
import { breadcrumbList, serviceOffer } from "@/lib/content/structured-data";

type Params = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return contentSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = getPage((await params).slug);
  if (!page) notFound();
  return pageMetadata(page);
}

export default async function Page({ params }: Params) {
  const { slug } = await params;
  const page = getPage(slug);
  if (!page) notFound();
  const Body = await loadPageBody(slug);
  const service = serviceOffer(page, siteUrl());
  return (
    <>
      <ContentPage page={page}>
        <Body />
      </ContentPage>
      <JsonLd data={breadcrumbList(page, siteUrl())} />
      {service && <JsonLd data={service} />}
    </>
  );
}
