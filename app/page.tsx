import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentPage } from "@/components/content-page";
import { getPage, HOME_SLUG, loadPageBody } from "@/lib/content/loader";
import { pageMetadata } from "@/lib/content/metadata";

export function generateMetadata(): Metadata {
  const page = getPage(HOME_SLUG);
  if (!page) notFound();
  return pageMetadata(page);
}

export default async function HomePage() {
  const page = getPage(HOME_SLUG);
  if (!page) notFound();
  const Body = await loadPageBody(HOME_SLUG);
  return (
    <ContentPage page={page}>
      <Body />
    </ContentPage>
  );
}
