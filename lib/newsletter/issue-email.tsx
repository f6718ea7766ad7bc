import { evaluate } from "@mdx-js/mdx";
import { Heading, Hr, Img, Link, Text } from "@react-email/components";
import type { MDXComponents } from "mdx/types";
import type { ComponentPropsWithoutRef } from "react";
import * as runtime from "react/jsx-runtime";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { emailText } from "@/components/emails/email-layout";
import { NewsletterIssueEmail } from "@/components/emails/newsletter-issue-email";
import { siteConfig } from "@/lib/config/site-config";
import { formatDate } from "@/lib/i18n/languages";
import type { Issue } from "@/lib/content/loader";
import { renderEmail } from "@/lib/mail/render-email";
import { dictionary, fill } from "@/lib/i18n/dictionary";

export type IssueEmail = { subject: string; previewText: string; html: string; text: string };

/** A link in an issue as a reader's mail client needs it: absolute, under the site's origin. */
export function absoluteUrl(href: string, siteUrl: string, pageUrl: string): string {
  if (href.startsWith("#")) return `${pageUrl}${href}`;
  return new URL(href, `${siteUrl}/`).toString();
}

const list = { ...emailText, paddingLeft: "24px" };
const quote = { ...emailText, borderLeft: "3px solid #e4ded3", paddingLeft: "16px", color: "#3d4341" };

/**
 * Markdown elements as email-safe react-email parts. Issues are plain Markdown: a site component
 * (a form, cards) in an issue fails here, loudly, rather than vanishing from the email.
 */
function emailComponents(siteUrl: string, pageUrl: string): MDXComponents {
  const href = (value: string | undefined) => absoluteUrl(value ?? "", siteUrl, pageUrl);
  return {
    h1: ({ children }) => (
      <Heading as="h2" style={{ fontSize: "22px", lineHeight: "30px", margin: "32px 0 12px" }}>
        {children}
      </Heading>
    ),
    h2: ({ children }) => (
      <Heading as="h2" style={{ fontSize: "20px", lineHeight: "28px", margin: "32px 0 12px" }}>
        {children}
      </Heading>
    ),
    h3: ({ children }) => (
      <Heading as="h3" style={{ fontSize: "17px", lineHeight: "26px", margin: "24px 0 8px" }}>
        {children}
      </Heading>
    ),
    p: ({ children }) => <Text style={emailText}>{children}</Text>,
    a: ({ href: target, children }: ComponentPropsWithoutRef<"a">) => (
      <Link href={href(target)} style={{ color: "#0f4c45", textDecoration: "underline" }}>
        {children}
      </Link>
    ),
    ul: ({ children }) => <ul style={list}>{children}</ul>,
    ol: ({ children }) => <ol style={list}>{children}</ol>,
    li: ({ children }) => <li style={{ margin: "0 0 8px" }}>{children}</li>,
    blockquote: ({ children }) => <blockquote style={quote}>{children}</blockquote>,
    hr: () => <Hr style={{ borderColor: "#e4ded3", margin: "24px 0" }} />,
    img: ({ src, alt }: ComponentPropsWithoutRef<"img">) => (
      <Img
        src={href(typeof src === "string" ? src : undefined)}
        alt={alt ?? ""}
        style={{ maxWidth: "100%" }}
      />
    ),
  };
}

/**
 * Renders an issue's MDX as the email sent to subscribers (HTML and plain text). `testCopy`
 * swaps Resend's unsubscribe placeholder, which only broadcasts fill in, for a note.
 */
export async function renderIssueEmail(
  issue: Issue,
  source: string,
  { siteUrl, testCopy = false }: { siteUrl: string; testCopy?: boolean },
): Promise<IssueEmail> {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    remarkPlugins: [remarkFrontmatter, remarkGfm],
  });
  const webUrl = `${siteUrl}${issue.href}`;
  const { html, text } = await renderEmail(
    <NewsletterIssueEmail
      title={issue.title}
      summary={issue.summary}
      date={formatDate(issue.date, issue.language)}
      language={issue.language}
      webUrl={webUrl}
      practiceName={siteConfig.name}
      siteUrl={siteUrl}
      testCopy={testCopy}
    >
      <Content components={emailComponents(siteUrl, webUrl)} />
    </NewsletterIssueEmail>,
  );
  return {
    subject: testCopy
      ? fill(dictionary(issue.language).emails.issue.testSubject, { title: issue.title })
      : issue.title,
    previewText: issue.summary,
    html,
    text,
  };
}
