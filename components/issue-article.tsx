import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/language-switch";
import { LocalizedNewsletterSignup } from "@/components/localized-forms";
import { PageHeader } from "@/components/page-header";
import { issueVersions, type Issue } from "@/lib/content/loader";
import { dictionary } from "@/lib/i18n/dictionary";
import { formatDate, localPath } from "@/lib/i18n/languages";

type Neighbours = { previous?: Issue; next?: Issue };

const signupAnchor = "subscribe";

/**
 * One newsletter issue as a page: its heading and date, the body, the issues either side, and
 * its signup under a heading, which the header links to (a reader who wants the next issue
 * should not have to scroll past this one to find how).
 */
export function IssueArticle({
  issue,
  neighbours,
  children,
}: {
  issue: Issue;
  neighbours: Neighbours;
  children: ReactNode;
}) {
  const words = dictionary(issue.language).issues;
  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <LanguageSwitch language={issue.language} versions={issueVersions(issue)} />
      <article>
        <PageHeader eyebrow={words.eyebrow} heading={issue.title} lead={issue.summary}>
          <p className="mt-6 flex flex-wrap items-baseline gap-x-4 gap-y-2 text-sm text-muted">
            <time dateTime={issue.date}>{formatDate(issue.date, issue.language)}</time>
            <a
              href={`#${signupAnchor}`}
              className="font-semibold text-accent underline underline-offset-4 hover:text-ink"
            >
              {words.subscribeLink}
            </a>
          </p>
        </PageHeader>
        <div className="render-children-when-visible prose prose-lg max-w-none prose-site prose-headings:font-serif prose-headings:font-semibold prose-headings:tracking-tight prose-h2:mt-12 prose-h2:text-3xl prose-a:underline-offset-4 [&>*:not(.not-prose)]:max-w-3xl">
          {children}
        </div>
      </article>
      <nav aria-label={words.moreIssues} className="mt-16 max-w-3xl border-t border-line pt-8">
        <ul className="grid gap-6 sm:grid-cols-2">
          {neighbours.previous && (
            <NeighbourLink issue={neighbours.previous} rel="prev" label={words.previous} />
          )}
          {neighbours.next && <NeighbourLink issue={neighbours.next} rel="next" label={words.next} />}
          <li className="sm:col-span-2">
            <Link
              href={localPath(issue.language, "/newsletter")}
              className="text-ink underline underline-offset-4"
            >
              {words.allIssues}
            </Link>
          </li>
        </ul>
      </nav>
      <div id={signupAnchor} className="mt-16 scroll-mt-6">
        <h2 className="font-serif text-3xl font-semibold tracking-tight text-ink">{words.signupHeading}</h2>
        <LocalizedNewsletterSignup variant="issue" label={words.signupHeading} language={issue.language} />
      </div>
    </div>
  );
}

function NeighbourLink({ issue, rel, label }: { issue: Issue; rel: "prev" | "next"; label: string }) {
  return (
    <li className={rel === "next" ? "sm:col-start-2 sm:text-right" : ""}>
      <p className="text-sm text-muted">{label}</p>
      <Link
        href={issue.href}
        rel={rel}
        className="font-serif text-lg font-semibold text-ink underline-offset-4 hover:underline"
      >
        {issue.title}
      </Link>
    </li>
  );
}
