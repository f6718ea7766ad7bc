import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentPage } from "@/components/content-page";
import { IssueList } from "@/components/issue-list";
import { JsonLd } from "@/components/json-ld";
import { getPage, loadPageBody, publishedIssues } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";
import { pageMetadata } from "@/lib/content/metadata";
import { breadcrumbList } from "@/lib/content/structured-data";

// The coach's words stay in content/newsletter.mdx (the signup first); the archive follows them.
const slug = "newsletter";

export function generateMetadata(): Metadata {
  const page = getPage(slug);
  if (!page) notFound();
  return pageMetadata(page);
}

export default async function NewsletterPage() {
  const page = getPage(slug);
  if (!page) notFound();
  const Body = await loadPageBody(slug);
  return (
    <>
      <ContentPage page={page}>
        <Body />
      </ContentPage>
      <div className="mx-auto max-w-6xl px-5 sm:px-8">
        <IssueList issues={publishedIssues()} />
      </div>
      <JsonLd data={breadcrumbList(page, siteUrl())} />
    </>
  );
}
