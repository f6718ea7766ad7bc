import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { FrontmatterError } from "@/lib/content/frontmatter";
import { issueFeed } from "@/lib/content/feeds";
import { issueNeighbours, publishedIssues, readIssue, readIssues } from "@/lib/content/loader";
import { thrownMessage } from "./support/thrown-message";

const fixtures = { dir: "tests/fixtures/newsletter-issues" };
const siteUrl = "https://coaching.example";
const issue = (lines: string) => `---\n${lines}\n---\n\nBody.\n`;
const summary = "A summary that is long enough to pass the fifty character minimum of the schema.";
const errorFor = (file: string, source: string) =>
  thrownMessage(() => readIssue(file, source), FrontmatterError);

describe("an issue's frontmatter", () => {
  it("reads title, date and summary into an issue under /newsletter, published unless marked draft", () => {
    const read = readIssue(
      "content/newsletter/a-first-issue.mdx",
      issue(`title: A first issue\ndate: 2026-05-04\nsummary: ${summary}`),
    );
    expect(read).toMatchObject({
      slug: "a-first-issue",
      href: "/newsletter/a-first-issue",
      title: "A first issue",
      date: "2026-05-04",
      summary,
      draft: false,
    });
    const draft = readIssue(
      "content/newsletter/later.mdx",
      issue(`title: Later\ndate: 2026-05-04\nsummary: ${summary}\ndraft: true`),
    );
    expect(draft.draft).toBe(true);
  });

  it("names the file and every bad field: missing summary, bad date, unknown key, draft not a boolean", () => {
    const message = errorFor(
      "content/newsletter/broken.mdx",
      issue("title: Broken\ndate: 4 May 2026\ndraft: maybe\ndescrption: typo"),
    );
    expect(message).toContain("content/newsletter/broken.mdx");
    for (const field of ["summary", "date", "draft"]) expect(message).toContain(`"${field}"`);
    expect(message).toMatch(/descrption/);
  });

  it("refuses file names that are not URL slugs or that a route of the site already uses", () => {
    const valid = issue(`title: T\ndate: 2026-05-04\nsummary: ${summary}`);
    expect(errorFor("content/newsletter/My Issue.mdx", valid)).toContain("My Issue.mdx");
    expect(errorFor("content/newsletter/confirm.mdx", valid)).toContain("confirm");
  });

  it("holds for every issue in content/newsletter", () => {
    const issues = readIssues();
    expect(issues.length).toBeGreaterThan(0);
    for (const each of issues) expect(each.href).toBe(`/newsletter/${each.slug}`);
  });
});

describe("published issues", () => {
  it("are the issues that are not drafts, newest first", () => {
    expect(readIssues(fixtures).map((each) => each.slug)).toContain("unfinished-draft");
    expect(publishedIssues(fixtures).map((each) => each.slug)).toEqual(["second-issue", "first-issue"]);
  });

  it("link to the issue before and after them, never to a draft", () => {
    expect(issueNeighbours("first-issue", fixtures)).toEqual({
      previous: undefined,
      next: expect.objectContaining({ slug: "second-issue" }),
    });
    expect(issueNeighbours("second-issue", fixtures)).toEqual({
      previous: expect.objectContaining({ slug: "first-issue" }),
      next: undefined,
    });
    expect(issueNeighbours("unfinished-draft", fixtures)).toEqual({});
  });
});

describe("the feeds", () => {
  const feed = () => issueFeed(publishedIssues(fixtures), siteUrl);
  const published = [
    { title: "The second issue", url: `${siteUrl}/newsletter/second-issue` },
    { title: "The first issue", url: `${siteUrl}/newsletter/first-issue` },
  ];
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

  it("RSS 2.0 lists exactly the published issues, newest first, with absolute links", () => {
    const rss = xml.parse(feed().rss2()) as {
      rss: { version: string; channel: { item: { title: string; link: string; pubDate: string }[] } };
    };
    expect(rss.rss.version).toBe("2.0");
    const items = rss.rss.channel.item;
    expect(items.map(({ title, link }) => ({ title, url: link }))).toEqual(published);
    expect(new Date(items[0]!.pubDate).toISOString().slice(0, 10)).toBe("2026-02-10");
  });

  it("Atom lists exactly the published issues", () => {
    const atom = xml.parse(feed().atom1()) as {
      feed: { xmlns: string; entry: { title: string | { "#text": string }; link: { href: string } }[] };
    };
    expect(atom.feed.xmlns).toBe("http://www.w3.org/2005/Atom");
    const titles = atom.feed.entry.map((entry) =>
      typeof entry.title === "string" ? entry.title : entry.title["#text"],
    );
    expect(titles).toEqual(published.map((each) => each.title));
    expect(atom.feed.entry.map((entry) => entry.link.href)).toEqual(published.map((each) => each.url));
  });

  it("JSON Feed lists exactly the published issues", () => {
    const json = JSON.parse(feed().json1()) as {
      version: string;
      items: { title: string; url: string; summary?: string; content_text?: string }[];
    };
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    expect(json.items.map(({ title, url }) => ({ title, url }))).toEqual(published);
  });

  it("does not change between builds when no issue changed", () => {
    expect(feed().rss2()).toBe(feed().rss2());
    expect(feed().atom1()).toBe(feed().atom1());
  });
});
