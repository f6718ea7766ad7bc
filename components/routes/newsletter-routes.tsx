import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentPage } from "@/components/content-page";
import { IssueArticle } from "@/components/issue-article";
import { IssueList } from "@/components/issue-list";
import { JsonLd } from "@/components/json-ld";
import { mdxComponents } from "@/components/mdx/mdx-components";
import { siteUrl } from "@/lib/config/env";
import { issueFeed } from "@/lib/content/feeds";
import {
  getIssue,
  issueNeighbours,
  loadIssueBody,
  loadPageBody,
  pageByKey,
  publishedIssues,
} from "@/lib/content/loader";
import { issueMetadata, pageMetadata } from "@/lib/content/metadata";
import { breadcrumbList, issueArticle, issueBreadcrumbList } from "@/lib/content/structured-data";
import type { Language } from "@/lib/i18n/languages";

// The newsletter's routes for either language: the page with its archive, the issues, the feeds.

type SlugParams = { params: Promise<{ slug: string }> };

/** The coach's words (the signup first), then the archive of the language's issues. */
export function newsletterRoute(language: Language) {
  const page = () => pageByKey("newsletter", language) ?? notFound();
  return {
    generateMetadata: (): Metadata => pageMetadata(page()),
    async Page() {
      const Body = await loadPageBody(page().slug, language);
      return (
        <>
          <ContentPage page={page()}>
            <Body components={mdxComponents(language)} />
          </ContentPage>
          <div className="mx-auto max-w-6xl px-5 sm:px-8">
            <IssueList issues={publishedIssues(language)} language={language} />
          </div>
          <JsonLd data={breadcrumbList(page(), siteUrl())} />
        </>
      );
    },
  };
}

export function issueRoute(language: Language) {
  return {
    generateStaticParams: () => publishedIssues(language).map((issue) => ({ slug: issue.slug })),
    async generateMetadata({ params }: SlugParams): Promise<Metadata> {
      const issue = getIssue((await params).slug, language);
      return issue ? issueMetadata(issue) : {};
    },
    async Page({ params }: SlugParams) {
      const { slug } = await params;
      const issue = getIssue(slug, language);
      if (!issue) notFound();
      const Body = await loadIssueBody(slug, language);
      return (
        <>
          <IssueArticle issue={issue} neighbours={issueNeighbours(slug, language)}>
            <Body components={mdxComponents(language)} />
          </IssueArticle>
          <JsonLd data={issueArticle(issue, siteUrl())} />
          <JsonLd data={issueBreadcrumbList(issue, siteUrl())} />
        </>
      );
    },
  };
}

const feedTypes = {
  rss: { render: "rss2", contentType: "application/rss+xml; charset=utf-8" },
  atom: { render: "atom1", contentType: "application/atom+xml; charset=utf-8" },
  json: { render: "json1", contentType: "application/feed+json; charset=utf-8" },
} as const;

/** A feed of the language's issues, built with the pages. */
export function feedRoute(language: Language, format: keyof typeof feedTypes) {
  return () => {
    const { render, contentType } = feedTypes[format];
    return new Response(issueFeed(publishedIssues(language), siteUrl(), language)[render](), {
      headers: { "content-type": contentType },
    });
  };
}
