import fs from "node:fs";
import path from "node:path";
import { isDevelopment } from "@/lib/config/env";
import type { ComponentType } from "react";
import { VFile } from "vfile";
import { matter } from "vfile-matter";
import {
  FrontmatterError,
  validateFrontmatter,
  validateIssueFrontmatter,
  type Frontmatter,
  type IssueFrontmatter,
} from "@/lib/content/frontmatter";

export type Page = Frontmatter & {
  slug: string;
  /** The URL path: "/" for content/index.mdx, "/<slug>" otherwise. */
  href: string;
  file: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HOME_SLUG = "index";

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

export function readPage(file: string, source: string): Page {
  const slug = slugOf(file);
  const frontmatter = validateFrontmatter(yamlOf(file, source), file);
  return {
    ...frontmatter,
    slug,
    href: slug === HOME_SLUG ? "/" : `/${slug}`,
    file,
  };
}

export function readPages(): Page[] {
  // Paths spelled out from process.cwd() so the bundler traces content/ and nothing wider.
  const names = fs
    .readdirSync(path.join(process.cwd(), "content"))
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  return names.map((name) =>
    readPage(`content/${name}`, fs.readFileSync(path.join(process.cwd(), "content", name), "utf8")),
  );
}

let cache: Page[] | undefined;

/** Every page, validated. Cached outside development so the build reads each file once. */
export function allPages(): Page[] {
  if (isDevelopment()) return readPages();
  cache ??= readPages();
  return cache;
}

export function getPage(slug: string): Page | undefined {
  return allPages().find((page) => page.slug === slug);
}

/** Pages with a route of their own: the home page, and /newsletter with its archive of issues. */
const OWN_ROUTE_SLUGS = new Set([HOME_SLUG, "newsletter"]);

/** Slugs served by app/[slug]. */
export function contentSlugs(): string[] {
  return allPages()
    .map((page) => page.slug)
    .filter((slug) => !OWN_ROUTE_SLUGS.has(slug));
}

export function navPages(): (Page & { nav: NonNullable<Page["nav"]> })[] {
  return allPages()
    .filter((page): page is Page & { nav: NonNullable<Page["nav"]> } => page.nav !== undefined)
    .sort((a, b) => a.nav.order - b.nav.order);
}

export function footerPages(): (Page & {
  footer: NonNullable<Page["footer"]>;
})[] {
  return allPages()
    .filter((page): page is Page & { footer: NonNullable<Page["footer"]> } => page.footer !== undefined)
    .sort((a, b) => a.footer.order - b.footer.order);
}

export async function loadPageBody(slug: string): Promise<ComponentType> {
  const mod = (await import(`@/content/${slug}.mdx`)) as {
    default: ComponentType;
  };
  return mod.default;
}

export type Issue = IssueFrontmatter & {
  slug: string;
  /** "/newsletter/<slug>" */
  href: string;
  file: string;
};

export const ISSUES_DIR = "content/newsletter";

// Routes beside app/newsletter/[slug] that an issue's file name must not shadow.
const RESERVED_ISSUE_SLUGS = new Set(["confirm", "opengraph-image"]);

export function readIssue(file: string, source: string): Issue {
  const slug = slugOf(file);
  if (RESERVED_ISSUE_SLUGS.has(slug)) {
    throw new FrontmatterError(`Invalid file name ${file}: /newsletter/${slug} is taken by the site.`);
  }
  return { ...validateIssueFrontmatter(yamlOf(file, source), file), slug, href: `/newsletter/${slug}`, file };
}

/** Every issue in `dir` (drafts too), newest first; `dir` (relative to the project) is for tests. */
export function readIssues(dir?: string): Issue[] {
  // The default spelled out from process.cwd(), as in readPages, so the bundler traces only it.
  const root =
    dir === undefined
      ? path.join(process.cwd(), "content", "newsletter")
      : path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
  if (!fs.existsSync(root)) return [];
  const shownDir = dir ?? ISSUES_DIR;
  return fs
    .readdirSync(root)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => readIssue(`${shownDir}/${name}`, fs.readFileSync(path.join(root, name), "utf8")))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

let issueCache: Issue[] | undefined;

/** The issues readers see (no drafts), newest first; `dir` is for tests. */
export function publishedIssues(dir?: string): Issue[] {
  if (dir !== undefined) return readIssues(dir).filter((issue) => !issue.draft);
  if (isDevelopment()) return readIssues().filter((issue) => !issue.draft);
  issueCache ??= readIssues().filter((issue) => !issue.draft);
  return issueCache;
}

/** A published issue; drafts are not found. */
export function getIssue(slug: string, dir?: string): Issue | undefined {
  return publishedIssues(dir).find((issue) => issue.slug === slug);
}

/** The issues published just before and just after this one. */
export function issueNeighbours(slug: string, dir?: string): { previous?: Issue; next?: Issue } {
  const issues = publishedIssues(dir);
  const index = issues.findIndex((issue) => issue.slug === slug);
  if (index === -1) return {};
  return { previous: issues[index + 1], next: index > 0 ? issues[index - 1] : undefined };
}

/** The MDX source of an issue, for rendering it as an email outside the site's bundler. */
export function readIssueSource(issue: Issue): string {
  return fs.readFileSync(path.resolve(/* turbopackIgnore: true */ process.cwd(), issue.file), "utf8");
}

export async function loadIssueBody(slug: string): Promise<ComponentType> {
  const mod = (await import(`@/content/newsletter/${slug}.mdx`)) as {
    default: ComponentType;
  };
  return mod.default;
}
