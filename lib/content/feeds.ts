import { Feed } from "feed";
import { publishedIssues, type Issue } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { localPath, type Language } from "@/lib/i18n/languages";

/** Each language's feeds of its issues: /newsletter/rss.xml, /de/newsletter/rss.xml... */
export function feedPaths(language: Language) {
  return {
    rss: localPath(language, "/newsletter/rss.xml"),
    atom: localPath(language, "/newsletter/atom.xml"),
    json: localPath(language, "/newsletter/feed.json"),
  } as const;
}

export function feedTitle(language: Language): string {
  return fill(dictionary(language).issues.feedTitle, { site: siteConfig.name });
}

/**
 * The `<link rel="alternate">` entries every page's head carries (metadata.alternates.types):
 * the feeds of its language, when that language has issues.
 */
export function feedAlternates(
  language: Language,
): Record<string, { url: string; title: string }[]> | undefined {
  if (publishedIssues(language).length === 0) return undefined;
  const paths = feedPaths(language);
  const title = feedTitle(language);
  return {
    "application/rss+xml": [{ url: paths.rss, title: `${title} (RSS)` }],
    "application/atom+xml": [{ url: paths.atom, title: `${title} (Atom)` }],
    "application/feed+json": [{ url: paths.json, title: `${title} (JSON Feed)` }],
  };
}

const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/**
 * The published issues as one feed, rendered as RSS 2.0, Atom or JSON Feed. Dates come from the
 * issues, not the clock, so a rebuild without a new issue serves the same bytes.
 */
export function issueFeed(issues: Issue[], siteUrl: string, language: Language = "en"): Feed {
  const author = { name: siteConfig.coach.name, email: siteConfig.contact.email, link: `${siteUrl}/` };
  const paths = feedPaths(language);
  const archive = `${siteUrl}${localPath(language, "/newsletter")}`;
  const feed = new Feed({
    id: archive,
    link: archive,
    title: feedTitle(language),
    description: dictionary(language).site.description,
    language,
    copyright: `© ${siteConfig.name}`,
    updated: issues[0] ? noon(issues[0].date) : undefined,
    generator: siteConfig.name,
    author,
    feedLinks: {
      rss: `${siteUrl}${paths.rss}`,
      atom: `${siteUrl}${paths.atom}`,
      json: `${siteUrl}${paths.json}`,
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
