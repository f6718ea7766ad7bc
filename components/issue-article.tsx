import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { formatDate } from "@/lib/content/format-date";
import type { Issue } from "@/lib/content/loader";

type Neighbours = { previous?: Issue; next?: Issue };

/** One newsletter issue as a page: its heading and date, the body, and the issues either side. */
export function IssueArticle({
  issue,
  neighbours,
  children,
}: {
  issue: Issue;
  neighbours: Neighbours;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <article>
        <PageHeader eyebrow="Newsletter" heading={issue.title} lead={issue.summary}>
          <p className="mt-6 text-sm text-muted">
            <time dateTime={issue.date}>{formatDate(issue.date)}</time>
          </p>
        </PageHeader>
        <div className="render-children-when-visible prose prose-lg max-w-none prose-site prose-headings:font-serif prose-headings:tracking-tight prose-h2:mt-12 prose-h2:text-3xl prose-a:underline-offset-4 [&>*:not(.not-prose)]:max-w-3xl">
          {children}
        </div>
      </article>
      <nav aria-label="More issues" className="mt-16 max-w-3xl border-t border-line pt-8">
        <ul className="grid gap-6 sm:grid-cols-2">
          {neighbours.previous && <NeighbourLink issue={neighbours.previous} rel="prev" />}
          {neighbours.next && <NeighbourLink issue={neighbours.next} rel="next" />}
          <li className="sm:col-span-2">
            <Link href="/newsletter" className="text-ink underline underline-offset-4">
              All issues
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}

function NeighbourLink({ issue, rel }: { issue: Issue; rel: "prev" | "next" }) {
  return (
    <li className={rel === "next" ? "sm:col-start-2 sm:text-right" : ""}>
      <p className="text-sm text-muted">{rel === "prev" ? "Previous issue" : "Next issue"}</p>
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
