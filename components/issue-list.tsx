import Link from "next/link";
import { feedPaths } from "@/lib/content/feeds";
import { formatDate } from "@/lib/content/format-date";
import type { Issue } from "@/lib/content/loader";

/** The archive on /newsletter: every published issue, newest first, and the feeds. */
export function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <section aria-labelledby="issues-heading" className="render-when-visible mt-16 max-w-3xl">
      <h2 id="issues-heading" className="font-serif text-3xl font-semibold tracking-tight text-ink">
        Past issues
      </h2>
      {issues.length === 0 ? (
        <p className="mt-6 text-muted">The first issue is on its way.</p>
      ) : (
        <ol className="mt-6 divide-y divide-line border-y border-line">
          {issues.map((issue) => (
            <li key={issue.slug} className="py-6">
              <article>
                <h3 className="font-serif text-xl leading-snug font-semibold text-ink">
                  <Link href={issue.href} className="underline-offset-4 hover:underline">
                    {issue.title}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-muted">
                  <time dateTime={issue.date}>{formatDate(issue.date)}</time>
                </p>
                <p className="mt-2 text-ink">{issue.summary}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-6 text-muted">
        Prefer a feed reader? Follow by{" "}
        <a href={feedPaths.rss} className="text-ink underline underline-offset-4">
          RSS
        </a>
        ,{" "}
        <a href={feedPaths.atom} className="text-ink underline underline-offset-4">
          Atom
        </a>{" "}
        or{" "}
        <a href={feedPaths.json} className="text-ink underline underline-offset-4">
          JSON Feed
        </a>
        .
      </p>
    </section>
  );
}
