// @vitest-environment node
import { describe, expect, it } from "vitest";
import { RESEND_UNSUBSCRIBE_PLACEHOLDER } from "@/components/emails/newsletter-issue-email";
import { publishedIssues, readIssueSource, type Issue } from "@/lib/content/loader";
import { renderIssueEmail } from "@/lib/newsletter/issue-email";

const siteUrl = "https://coaching.example";
const fixture = publishedIssues({ dir: "tests/fixtures/newsletter-issues" }).find(
  (each) => each.slug === "first-issue",
)!;
const render = (issue: Issue, testCopy = false) =>
  renderIssueEmail(issue, readIssueSource(issue), { siteUrl, testCopy });
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);

describe("an issue as an email", () => {
  it("makes every link absolute under SITE_URL, anchors included", async () => {
    const { html } = await render(fixture);
    const links = hrefs(html);
    expect(links).toContain(`${siteUrl}/contact`);
    expect(links).toContain(`${siteUrl}/newsletter/first-issue#second-part`);
    expect(links).toContain(`${siteUrl}/vp-engineering-coaching`);
    expect(links).toContain("https://example.org/page");
    for (const link of links) {
      expect(link === RESEND_UNSUBSCRIBE_PLACEHOLDER || /^(https?:\/\/|mailto:)/.test(link), link).toBe(true);
    }
  });

  it("carries Resend's unsubscribe placeholder and a link to read it on the web, in HTML and text", async () => {
    const { html, text, subject, previewText } = await render(fixture);
    expect(hrefs(html)).toContain(RESEND_UNSUBSCRIBE_PLACEHOLDER);
    expect(text).toContain(RESEND_UNSUBSCRIBE_PLACEHOLDER);
    expect(hrefs(html)).toContain(`${siteUrl}/newsletter/first-issue`);
    expect(text).toContain(`${siteUrl}/newsletter/first-issue`);
    expect(subject).toBe(fixture.title);
    expect(previewText).toBe(fixture.summary);
  });

  it("has the issue's words in both bodies and no script", async () => {
    const { html, text } = await render(fixture);
    expect(html).not.toMatch(/<script/i);
    expect(text).toContain("An opening paragraph with");
    expect(html).toContain("An opening paragraph with");
  });

  it("as a test copy, says so where the unsubscribe link would be", async () => {
    const { html, text, subject } = await render(fixture, true);
    expect(html).not.toContain(RESEND_UNSUBSCRIBE_PLACEHOLDER);
    expect(text).not.toContain(RESEND_UNSUBSCRIBE_PLACEHOLDER);
    expect(text).toMatch(/test copy/i);
    expect(subject).toContain(fixture.title);
    expect(subject).not.toBe(fixture.title);
  });

  it("renders every published issue in content/newsletter with absolute links only", async () => {
    for (const issue of publishedIssues()) {
      const { html } = await render(issue);
      expect(html).not.toMatch(/<script/i);
      for (const link of hrefs(html)) {
        expect(link === RESEND_UNSUBSCRIBE_PLACEHOLDER || /^(https?:\/\/|mailto:)/.test(link), link).toBe(
          true,
        );
      }
    }
  });
});
