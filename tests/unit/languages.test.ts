import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { FrontmatterError } from "@/lib/content/frontmatter";
import {
  allPages,
  checkPairs,
  contentDirs,
  pageVersions,
  publishedIssues,
  readPage,
  type Page,
} from "@/lib/content/loader";
import { de } from "@/lib/i18n/dictionaries/de";
import { en } from "@/lib/i18n/dictionaries/en";
import { formatDate, languages, localPath } from "@/lib/i18n/languages";
import { thrownMessage } from "./support/thrown-message";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the dictionaries", () => {
  it("have the same keys, every German string written, with the same placeholders", () => {
    const english = new Map(leaves(en as unknown as Tree));
    const german = new Map(leaves(de as unknown as Tree));
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of german) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
    }
  });

  it("write dates the way each language does", () => {
    expect(formatDate("2026-11-24", "en")).toBe("24 November 2026");
    expect(formatDate("2026-11-24", "de")).toBe("24. November 2026");
  });
});

const page = (language: "en" | "de", file: string, extra = "") =>
  readPage(
    `${contentDirs[language]}/${file}`,
    `---\ntitle: A page\ndescription: ${"A description long enough to pass the rule for it. ".repeat(2)}\npublished: 2026-11-24\n${extra}---\n`,
    language,
  );

describe("pairs of pages", () => {
  it("every German page has its English pair and every English page its German one, or says it has none", () => {
    const byLanguage = { en: allPages("en"), de: allPages("de") };
    for (const english of byLanguage.en) {
      if (english.singleLanguage) continue;
      expect(pageVersions(english).de, english.file).toBeDefined();
    }
    for (const german of byLanguage.de) expect(pageVersions(german).en, german.file).toBeDefined();
    for (const german of publishedIssues("de")) {
      expect(publishedIssues("en").map((issue) => issue.key)).toContain(german.key);
    }
  });

  it("fails by file and field on a German page without a key, a key naming nothing, or a taken key", () => {
    expect(thrownMessage(() => page("de", "kontakt.mdx"), FrontmatterError)).toMatch(
      /content\/de\/kontakt\.mdx[\s\S]*"key" is required/,
    );
    const english = [page("en", "contact.mdx"), page("en", "faq.mdx")];
    const pairs = (german: Page[]) => () => checkPairs({ en: english, de: german }, () => false);
    expect(thrownMessage(pairs([page("de", "kontakt.mdx", "key: contakt\n")]), FrontmatterError)).toMatch(
      /content\/de\/kontakt\.mdx[\s\S]*"key" names "contakt"/,
    );
    expect(
      thrownMessage(
        pairs([page("de", "kontakt.mdx", "key: contact\n"), page("de", "kontakt-2.mdx", "key: contact\n")]),
        FrontmatterError,
      ),
    ).toMatch(/kontakt-2\.mdx[\s\S]*taken by content\/de\/kontakt\.mdx/);
    expect(thrownMessage(pairs([page("de", "kontakt.mdx", "key: contact\n")]), FrontmatterError)).toMatch(
      /content\/faq\.mdx has no de version/,
    );
    expect(() =>
      checkPairs(
        {
          en: [english[0]!, page("en", "faq.mdx", "singleLanguage: true\n")],
          de: [page("de", "kontakt.mdx", "key: contact\n")],
        },
        (each) => each.singleLanguage,
      ),
    ).not.toThrow();
  });

  it("puts German pages under /de with their own slugs", () => {
    expect(page("de", "index.mdx", "key: index\n").href).toBe("/de");
    expect(page("de", "kontakt.mdx", "key: contact\n").href).toBe("/de/kontakt");
    expect(localPath("de", "/newsletter")).toBe("/de/newsletter");
    expect(localPath("en", "/newsletter")).toBe("/newsletter");
  });
});

describe("links in the content", () => {
  it("resolve to a page of the site in both languages, German pages linking German pages", () => {
    const known = new Set(
      languages.flatMap((language) => [
        ...allPages(language).map((each) => each.href),
        ...publishedIssues(language).map((issue) => issue.href),
        `${localPath(language, "/newsletter")}`,
      ]),
    );
    for (const language of languages) {
      for (const each of allPages(language)) {
        const source = fs.readFileSync(each.file, "utf8");
        const links = [...source.matchAll(/\]\((\/[^)\s#]*)|href="(\/[^"#]*)"/g)].map(
          (match) => match[1] ?? match[2]!,
        );
        for (const link of links) {
          expect(known, `${each.file} links ${link}`).toContain(link);
          if (language === "de")
            expect(link === "/de" || link.startsWith("/de/"), `${each.file} links ${link}`).toBe(true);
        }
      }
    }
  });
});

describe("the coach's digest", () => {
  it("is written in the coach's language", async () => {
    const { digestEmail } = await import("@/lib/jobs/digest");
    const { fill } = await import("@/lib/i18n/fill");
    const settings = { from: "Site <site@example.com>", to: "coach@example.com", siteName: "Praxis" };
    const sections = [{ key: "caps", summary: "1", heading: "h", entries: ["e"] }];
    for (const [language, words] of [
      ["de", de],
      ["en", en],
    ] as const) {
      expect(digestEmail(sections, settings, language).text).toContain(
        fill(words.digest.intro, { site: "Praxis", summary: "1" }),
      );
    }
  });
});
