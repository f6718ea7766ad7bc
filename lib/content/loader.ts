import fs from "node:fs";
import path from "node:path";
import type { ComponentType } from "react";
import { VFile } from "vfile";
import { matter } from "vfile-matter";
import { FrontmatterError, validateFrontmatter, type Frontmatter } from "@/lib/content/frontmatter";

export type Page = Frontmatter & {
  slug: string;
  /** The URL path: "/" for content/index.mdx, "/<slug>" otherwise. */
  href: string;
  file: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HOME_SLUG = "index";

export function readPage(file: string, source: string): Page {
  const slug = path.basename(file, ".mdx");
  if (!SLUG.test(slug)) {
    throw new FrontmatterError(
      `Invalid file name ${file}: use lowercase letters, digits and single hyphens (it becomes the URL).`,
    );
  }
  const vfile = new VFile({ path: file, value: source });
  try {
    matter(vfile);
  } catch (error) {
    throw new FrontmatterError(`Invalid YAML frontmatter in ${file}: ${(error as Error).message}`);
  }
  const frontmatter = validateFrontmatter(vfile.data.matter, file);
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
  if (process.env.NODE_ENV === "development") return readPages();
  cache ??= readPages();
  return cache;
}

export function getPage(slug: string): Page | undefined {
  return allPages().find((page) => page.slug === slug);
}

/** Slugs served by app/[slug]; the home page has its own route. */
export function contentSlugs(): string[] {
  return allPages()
    .map((page) => page.slug)
    .filter((slug) => slug !== HOME_SLUG);
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
