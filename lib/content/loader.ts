import fs from "node:fs";
import path from "node:path";
import { isDevelopment } from "@/lib/config/env";
import type { MDXContent } from "mdx/types";
import { VFile } from "vfile";
import { matter } from "vfile-matter";
import { defaultLanguage, languages, localPath, type Language } from "@/lib/i18n/languages";
import {
  FrontmatterError,
  validateFrontmatter,
  validateIssueFrontmatter,
  type Frontmatter,
  type IssueFrontmatter,
} from "@/lib/content/frontmatter";

export type Page = Frontmatter & {
  slug: string;
  language: Language;
  /** What pairs the versions of a page: the English file name. */
  key: string;
  /** The URL path: "/" for content/index.mdx, "/<slug>" otherwise, under "/de" in German. */
  href: string;
  file: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HOME_SLUG = "index";

/** Where each language's pages and issues live, relative to the project. */
export const contentDirs: Record<Language, string> = { en: "content", de: "content/de" };

function slugOf(file: string): string {
  const slug = path.basename(file, ".mdx");
  if (!SLUG.test(slug)) {
    throw new FrontmatterError(
      `Invalid file name ${file}: use lowercase letters, digits and single hyphens (it becomes the URL).`,
    );
  }
  return slug;
}

function yamlOf(file: string, source: string): unknown {
  const vfile = new VFile({ path: file, value: source });
  try {
    matter(vfile);
  } catch (error) {
    throw new FrontmatterError(`Invalid YAML frontmatter in ${file}: ${(error as Error).message}`);
  }
  return vfile.data.matter;
}

/** The key of a page or issue: the English file name; a translation must name it. */
function keyOf(file: string, slug: string, language: Language, key: string | undefined): string {
  if (language === defaultLanguage) {
    if (key !== undefined && key !== slug) {
      throw new FrontmatterError(
        `Invalid frontmatter in ${file}:\n  - field "key" must be left out in English (the file name is the key)`,
      );
    }
    return slug;
  }
  if (key === undefined) {
    throw new FrontmatterError(
      `Invalid frontmatter in ${file}:\n  - field "key" is required: the file name of the English version`,
    );
  }
  return key;
}

export function readPage(file: string, source: string, language: Language = defaultLanguage): Page {
  const slug = slugOf(file);
  const frontmatter = validateFrontmatter(yamlOf(file, source), file);
  return {
    ...frontmatter,
    slug,
    language,
    key: keyOf(file, slug, language, frontmatter.key),
    href: localPath(language, slug === HOME_SLUG ? "/" : `/${slug}`),
    file,
  };
}

/**
 * Each language's folders spelled out from process.cwd(), literally, so the bundler traces
 * content/ and nothing wider (a computed path would make it trace the whole project).
 */
const roots: Record<Language, { pages: () => string; issues: () => string }> = {
  en: {
    pages: () => path.join(process.cwd(), "content"),
    issues: () => path.join(process.cwd(), "content", "newsletter"),
  },
  de: {
    pages: () => path.join(process.cwd(), "content", "de"),
    issues: () => path.join(process.cwd(), "content", "de", "newsletter"),
  },
};

function mdxFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => name.endsWith(".mdx"))
    .sort();
}

/** One language's pages, validated. */
export function readPages(language: Language = defaultLanguage): Page[] {
  const dir = contentDirs[language];
  const root = roots[language].pages();
  return mdxFiles(root).map((name) =>
    readPage(`${dir}/${name}`, fs.readFileSync(path.join(root, name), "utf8"), language),
  );
}

/**
 * Every translation names an English page that exists, once; every English page has its
 * translations unless it is marked `singleLanguage`. A broken pair fails the build by file and
 * field.
 */
export function checkPairs<Item extends { key: string; file: string; language: Language }>(
  byLanguage: Record<Language, Item[]>,
  isSingle: (item: Item) => boolean,
): void {
  const english = new Map(byLanguage[defaultLanguage].map((item) => [item.key, item]));
  for (const language of languages) {
    if (language === defaultLanguage) continue;
    const seen = new Map<string, string>();
    for (const item of byLanguage[language]) {
      if (!english.has(item.key)) {
        throw new FrontmatterError(
          `Invalid frontmatter in ${item.file}:\n  - field "key" names "${item.key}", which is no English file in ${contentDirs[defaultLanguage]}/`,
        );
      }
      const other = seen.get(item.key);
      if (other) {
        throw new FrontmatterError(
          `Invalid frontmatter in ${item.file}:\n  - field "key" "${item.key}" is taken by ${other} already`,
        );
      }
      seen.set(item.key, item.file);
    }
    for (const item of english.values()) {
      if (!seen.has(item.key) && !isSingle(item)) {
        throw new FrontmatterError(
          `${item.file} has no ${language} version: add one to ${contentDirs[language]}/ with key: ${item.key}, or mark it singleLanguage: true`,
        );
      }
    }
  }
}

let cache: Record<Language, Page[]> | undefined;

function readAllPages(): Record<Language, Page[]> {
  const pages = { en: readPages("en"), de: readPages("de") };
  checkPairs(pages, (page) => page.singleLanguage);
  return pages;
}

/** Every page of a language, validated and paired. Cached outside development so the build reads each file once. */
export function allPages(language: Language = defaultLanguage): Page[] {
  if (isDevelopment()) return readAllPages()[language];
  cache ??= readAllPages();
  return cache[language];
}

export function getPage(slug: string, language: Language = defaultLanguage): Page | undefined {
  return allPages(language).find((page) => page.slug === slug);
}

/** The same page in every language it exists in, by language: for hreflang and the switch. */
export function pageVersions(page: Pick<Page, "key">): Partial<Record<Language, Page>> {
  const versions: Partial<Record<Language, Page>> = {};
  for (const language of languages) {
    const version = allPages(language).find((candidate) => candidate.key === page.key);
    if (version) versions[language] = version;
  }
  return versions;
}

/** Pages with a route of their own: the home page, and /newsletter with its archive of issues. */
const OWN_ROUTE_KEYS = new Set([HOME_SLUG, "newsletter"]);

/** Slugs served by app/[slug] (or app/de/[slug]). */
export function contentSlugs(language: Language = defaultLanguage): string[] {
  return allPages(language)
    .filter((page) => !OWN_ROUTE_KEYS.has(page.key))
    .map((page) => page.slug);
}

/** A page with a route of its own (the home page, the newsletter page), by its key. */
export function pageByKey(key: string, language: Language = defaultLanguage): Page | undefined {
  return allPages(language).find((page) => page.key === key);
}

export function navPages(language: Language = defaultLanguage): (Page & { nav: NonNullable<Page["nav"]> })[] {
  return allPages(language)
    .filter((page): page is Page & { nav: NonNullable<Page["nav"]> } => page.nav !== undefined)
    .sort((a, b) => a.nav.order - b.nav.order);
}

export function footerPages(language: Language = defaultLanguage): (Page & {
  footer: NonNullable<Page["footer"]>;
})[] {
  return allPages(language)
    .filter((page): page is Page & { footer: NonNullable<Page["footer"]> } => page.footer !== undefined)
    .sort((a, b) => a.footer.order - b.footer.order);
}

export async function loadPageBody(slug: string, language: Language = defaultLanguage): Promise<MDXContent> {
  // One import expression per folder, so the bundler knows every file each may load.
  const mod = (
    language === "de" ? await import(`@/content/de/${slug}.mdx`) : await import(`@/content/${slug}.mdx`)
  ) as { default: MDXContent };
  return mod.default;
}

export type Issue = IssueFrontmatter & {
  slug: string;
  language: Language;
  /** What pairs the versions of an issue: the English file name. */
  key: string;
  /** "/newsletter/<slug>", under "/de" in German. */
  href: string;
  file: string;
};

/** Which issues: a language's (content/newsletter/, content/de/newsletter/), or a folder of fixtures. */
export type IssueSource = Language | { dir: string };

const issuesDir = (language: Language) => `${contentDirs[language]}/newsletter`;
export const ISSUES_DIR = issuesDir(defaultLanguage);

// Routes beside app/newsletter/[slug] that an issue's file name must not shadow.
const RESERVED_ISSUE_SLUGS = new Set(["confirm", "bestaetigen", "opengraph-image"]);

export function readIssue(file: string, source: string, language: Language = defaultLanguage): Issue {
  const slug = slugOf(file);
  if (RESERVED_ISSUE_SLUGS.has(slug)) {
    throw new FrontmatterError(`Invalid file name ${file}: /newsletter/${slug} is taken by the site.`);
  }
  const frontmatter = validateIssueFrontmatter(yamlOf(file, source), file);
  return {
    ...frontmatter,
    slug,
    language,
    key: keyOf(file, slug, language, frontmatter.key),
    href: localPath(language, `/newsletter/${slug}`),
    file,
  };
}

/** Every issue of `source` (drafts too), newest first. */
export function readIssues(source: IssueSource = defaultLanguage): Issue[] {
  const language = typeof source === "string" ? source : defaultLanguage;
  const shownDir = typeof source === "string" ? issuesDir(source) : source.dir;
  const root =
    typeof source === "string"
      ? roots[source].issues()
      : path.resolve(/* turbopackIgnore: true */ process.cwd(), source.dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => readIssue(`${shownDir}/${name}`, fs.readFileSync(path.join(root, name), "utf8"), language))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

let issueCache: Record<Language, Issue[]> | undefined;

function readAllIssues(): Record<Language, Issue[]> {
  const issues = { en: readIssues("en"), de: readIssues("de") };
  // An issue is written when there is something to say: a translation is welcome, never required.
  checkPairs(issues, () => true);
  return { en: issues.en.filter((issue) => !issue.draft), de: issues.de.filter((issue) => !issue.draft) };
}

/** The issues readers see (no drafts), newest first. */
export function publishedIssues(source: IssueSource = defaultLanguage): Issue[] {
  if (typeof source !== "string") return readIssues(source).filter((issue) => !issue.draft);
  if (isDevelopment()) return readAllIssues()[source];
  issueCache ??= readAllIssues();
  return issueCache[source];
}

/** A published issue; drafts are not found. */
export function getIssue(slug: string, source: IssueSource = defaultLanguage): Issue | undefined {
  return publishedIssues(source).find((issue) => issue.slug === slug);
}

/** The same issue in every language it was published in. */
export function issueVersions(issue: Pick<Issue, "key">): Partial<Record<Language, Issue>> {
  const versions: Partial<Record<Language, Issue>> = {};
  for (const language of languages) {
    const version = publishedIssues(language).find((candidate) => candidate.key === issue.key);
    if (version) versions[language] = version;
  }
  return versions;
}

/** The issues published just before and just after this one. */
export function issueNeighbours(
  slug: string,
  source: IssueSource = defaultLanguage,
): { previous?: Issue; next?: Issue } {
  const issues = publishedIssues(source);
  const index = issues.findIndex((issue) => issue.slug === slug);
  if (index === -1) return {};
  return { previous: issues[index + 1], next: index > 0 ? issues[index - 1] : undefined };
}

/** The MDX source of an issue, for rendering it as an email outside the site's bundler. */
export function readIssueSource(issue: Issue): string {
  return fs.readFileSync(path.resolve(/* turbopackIgnore: true */ process.cwd(), issue.file), "utf8");
}

export async function loadIssueBody(slug: string, language: Language = defaultLanguage): Promise<MDXContent> {
  const mod = (
    language === "de"
      ? await import(`@/content/de/newsletter/${slug}.mdx`)
      : await import(`@/content/newsletter/${slug}.mdx`)
  ) as { default: MDXContent };
  return mod.default;
}
