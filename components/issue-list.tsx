import Link from "next/link";
import { feedPaths } from "@/lib/content/feeds";
import type { Issue } from "@/lib/content/loader";
import { dictionary } from "@/lib/i18n/dictionary";
import { formatDate, type Language } from "@/lib/i18n/languages";

/** The archive on /newsletter: every published issue, newest first, and the feeds. */
export function IssueList({ issues, language }: { issues: Issue[]; language: Language }) {
  const words = dictionary(language).issues;
  const feeds = feedPaths(language);
  return (
    <section aria-labelledby="issues-heading" className="render-when-visible mt-16 max-w-3xl">
      <h2 id="issues-heading" className="font-serif text-3xl font-semibold tracking-tight text-ink">
        {words.pastIssues}
      </h2>
      {issues.length === 0 ? (
        <p className="mt-6 text-muted">{words.firstIssueSoon}</p>
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
                  <time dateTime={issue.date}>{formatDate(issue.date, language)}</time>
                </p>
                <p className="mt-2 text-ink">{issue.summary}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-6 text-muted">
        {words.feedsBefore}{" "}
        <a href={feeds.rss} className="text-ink underline underline-offset-4">
          RSS
        </a>
        ,{" "}
        <a href={feeds.atom} className="text-ink underline underline-offset-4">
          Atom
        </a>{" "}
        {words.feedsOr}{" "}
        <a href={feeds.json} className="text-ink underline underline-offset-4">
          JSON Feed
        </a>
        .
      </p>
    </section>
  );
}
