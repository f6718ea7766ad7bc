import { Feed } from "feed";
import type { Issue } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

export const feedPaths = {
  rss: "/newsletter/rss.xml",
  atom: "/newsletter/atom.xml",
  json: "/newsletter/feed.json",
} as const;

export const feedTitle = `${siteConfig.name} newsletter`;

/** The `<link rel="alternate">` entries every page's head carries (metadata.alternates.types). */
export const feedAlternates = {
  "application/rss+xml": [{ url: feedPaths.rss, title: `${feedTitle} (RSS)` }],
  "application/atom+xml": [{ url: feedPaths.atom, title: `${feedTitle} (Atom)` }],
  "application/feed+json": [{ url: feedPaths.json, title: `${feedTitle} (JSON Feed)` }],
};

const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/**
 * The published issues as one feed, rendered as RSS 2.0, Atom or JSON Feed. Dates come from the
 * issues, not the clock, so a rebuild without a new issue serves the same bytes.
 */
export function issueFeed(issues: Issue[], siteUrl: string): Feed {
  const author = { name: siteConfig.coach.name, email: siteConfig.contact.email, link: `${siteUrl}/` };
  const feed = new Feed({
    id: `${siteUrl}/newsletter`,
    link: `${siteUrl}/newsletter`,
    title: feedTitle,
    description: siteConfig.description,
    language: siteConfig.language,
    copyright: `© ${siteConfig.name}`,
    updated: issues[0] ? noon(issues[0].date) : undefined,
    generator: siteConfig.name,
    author,
    feedLinks: {
      rss: `${siteUrl}${feedPaths.rss}`,
      atom: `${siteUrl}${feedPaths.atom}`,
      json: `${siteUrl}${feedPaths.json}`,
    },
  });
  for (const issue of issues) {
    const url = `${siteUrl}${issue.href}`;
    feed.addItem({
      id: url,
      link: url,
      title: issue.title,
      description: issue.summary,
      date: noon(issue.date),
      published: noon(issue.date),
      author: [author],
    });
  }
  return feed;
}
