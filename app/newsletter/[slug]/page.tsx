import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueArticle } from "@/components/issue-article";
import { JsonLd } from "@/components/json-ld";
import { NewsletterSignup } from "@/components/newsletter-signup";
import { getIssue, issueNeighbours, loadIssueBody, publishedIssues } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";
import { issueMetadata } from "@/lib/content/metadata";
import { issueArticle, issueBreadcrumbList } from "@/lib/content/structured-data";

type Params = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

const signupHeading = "Get the next issue by email";

export function generateStaticParams() {
  return publishedIssues().map((issue) => ({ slug: issue.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const issue = getIssue((await params).slug);
  if (!issue) notFound();
  return issueMetadata(issue);
}

export default async function IssuePage({ params }: Params) {
  const { slug } = await params;
  const issue = getIssue(slug);
  if (!issue) notFound();
  const Body = await loadIssueBody(slug);
  return (
    <>
      <IssueArticle issue={issue} neighbours={issueNeighbours(slug)}>
        <Body />
      </IssueArticle>
      <div className="mx-auto mt-16 max-w-6xl px-5 sm:px-8">
        <h2 className="font-serif text-3xl font-semibold tracking-tight text-ink">{signupHeading}</h2>
        <NewsletterSignup variant="issue" label={signupHeading} />
      </div>
      <JsonLd data={issueArticle(issue, siteUrl())} />
      <JsonLd data={issueBreadcrumbList(issue, siteUrl())} />
    </>
  );
}
