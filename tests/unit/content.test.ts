import { describe, expect, it } from "vitest";
import { contentSlugs, footerPages, navPages, readPage, readPages } from "@/lib/content/loader";
import { FrontmatterError } from "@/lib/content/frontmatter";
import { thrownMessage } from "./support/thrown-message";

const good = `---
title: Coaching packages
description: How coaching with me works, what it costs and how long it takes, for VPs of Engineering.
nav:
  label: Packages
  order: 4
published: 2026-11-24
---

Body text.
`;

const withFrontmatter = (lines: string) => `---\n${lines}\n---\n\nBody.\n`;

const errorFor = (file: string, source: string) =>
  thrownMessage(() => readPage(file, source), FrontmatterError);

describe("readPage", () => {
  it("reads valid frontmatter into a page with its slug and URL", () => {
    const page = readPage("content/coaching-packages.mdx", good);
    expect(page).toMatchObject({
      slug: "coaching-packages",
      href: "/coaching-packages",
      title: "Coaching packages",
      layout: "page",
      nav: { label: "Packages", order: 4 },
      published: "2026-11-24",
    });
    expect(readPage("content/index.mdx", good).href).toBe("/");
  });

  it("names the file and the missing field", () => {
    const message = errorFor(
      "content/broken.mdx",
      withFrontmatter(
        "description: A description that is long enough to pass the fifty character minimum.\npublished: 2026-11-24",
      ),
    );
    expect(message).toContain("content/broken.mdx");
    expect(message).toContain('field "title" is required');
  });

  it("names every bad field at once: too long, bad date, unknown key", () => {
    const message = errorFor(
      "content/many.mdx",
      withFrontmatter(
        [
          `title: ${"T".repeat(71)}`,
          "description: too short",
          "published: 24.11.2026",
          "naw:\n  label: Typo\n  order: 1",
        ].join("\n"),
      ),
    );
    expect(message).toContain("content/many.mdx");
    expect(message).toMatch(/field "title" must be at most 70 characters/);
    expect(message).toMatch(/field "description" must be at least 50 characters/);
    expect(message).toMatch(/field "published" must be a date written YYYY-MM-DD/);
    expect(message).toMatch(/naw/);
  });

  it("rejects nested fields with their path", () => {
    const message = errorFor(
      "content/nav.mdx",
      withFrontmatter(
        "title: Fine\ndescription: A description that is long enough to pass the fifty character minimum.\npublished: 2026-11-24\nnav:\n  label: Packages",
      ),
    );
    expect(message).toContain('field "nav.order" is required');
  });

  it("reports YAML syntax errors and file names that cannot be URLs", () => {
    expect(errorFor("content/yaml.mdx", "---\ntitle: [unclosed\n---\n")).toMatch(
      /Invalid YAML frontmatter in content\/yaml.mdx/,
    );
    expect(errorFor("content/Bad Name.mdx", good)).toMatch(/Invalid file name content\/Bad Name.mdx/);
  });
});

describe("the real content/ folder", () => {
  const pages = readPages();

  it("is valid, with unique slugs and the pages the site promises", () => {
    const slugs = pages.map((page) => page.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "index",
        "vp-engineering-coaching",
        "faq",
        "contact",
        "newsletter",
        "privacy",
        "imprint",
      ]),
    );
    expect(contentSlugs()).not.toContain("index");
  });

  it("lists in navigation and footer every page that asks to be there, by its frontmatter order", () => {
    const menus = [
      { key: "nav", listed: navPages() },
      { key: "footer", listed: footerPages() },
    ] as const;
    for (const { key, listed } of menus) {
      const slugs = (list: typeof pages) => list.map((page) => page.slug).sort();
      expect(slugs(listed), key).toEqual(slugs(pages.filter((page) => page[key])));
      const orders = listed.map((page) => page[key]!.order);
      expect(orders, key).toEqual([...orders].sort((a, b) => a - b));
      expect(listed.length, key).toBeGreaterThan(0);
    }
  });

  it("describes the coaching offer as a service", () => {
    const offer = pages.find((page) => page.slug === "vp-engineering-coaching");
    expect(offer?.service).toEqual({
      name: expect.any(String),
      serviceType: expect.any(String),
      audience: expect.any(String),
    });
  });
});
