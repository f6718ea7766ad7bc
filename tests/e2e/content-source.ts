import fs from "node:fs";
import { readPage, type Page } from "@/lib/content/loader";

/**
 * What a page in content/ declares, read from its MDX source: tests check that the site
 * renders what the file says, whatever the coach writes in it.
 */
export function contentSource(slug: string): { page: Page; source: string } {
  const file = `content/${slug}.mdx`;
  const source = fs.readFileSync(file, "utf8");
  return { page: readPage(file, source), source };
}

/** The text of every `## heading` in the MDX body. */
export function sectionHeadings(source: string): string[] {
  return [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
}

/** The `title` of each <Card> or <Column> in the source, or in one block of it. */
export function componentTitles(source: string, component: "Card" | "Column"): string[] {
  return [...source.matchAll(new RegExp(`<${component}\\b[^>]*\\btitle="([^"]+)"`, "g"))].map(
    (match) => match[1]!,
  );
}

/** Each <Cards>…</Cards> or <Columns …>…</Columns> block, with its opening tag. */
export function blocks(source: string, component: "Cards" | "Columns"): string[] {
  return [...source.matchAll(new RegExp(`<${component}\\b[^>]*>[\\s\\S]*?</${component}>`, "g"))].map(
    (match) => match[0],
  );
}
