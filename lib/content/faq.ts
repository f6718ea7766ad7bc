import fs from "node:fs";
import path from "node:path";
import { isDevelopment } from "@/lib/config/env";
import type { Language } from "@/lib/i18n/languages";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** The questions and answers shown on the FAQ page and the offer page, in one file. */
export const FAQ_FILE = "content/blocks/faq.mdx";
/** Each language's FAQ block. */
export const faqFiles: Record<Language, string> = { en: FAQ_FILE, de: "content/de/blocks/faq.mdx" };

export type FaqEntry = { question: string; answer: string };

/** The FAQ file breaks a rule; the message names the file and line. Fails the build. */
export class FaqError extends Error {
  override name = "FaqError";
}

// The parts of the MDX syntax tree read here; anything else in an answer is refused.
type Node = {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
};

// Blocks become separate lines, as a browser's innerText shows them; inline text runs together.
const blockTypes = new Set(["root", "list", "listItem", "blockquote", "mdxJsxFlowElement"]);
const inlineTypes = new Set(["paragraph", "heading", "emphasis", "strong", "delete", "link"]);

/**
 * The text of an answer as the page shows it, so that the structured data says exactly what a
 * reader sees. Only Markdown is allowed: a component or an {expression} would render text
 * this cannot know.
 */
function plainText(node: Node, file: string): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") {
    return node.value ?? "";
  }
  if (node.type === "break") return "\n";
  const children = node.children ?? [];
  if (inlineTypes.has(node.type)) {
    return children.map((child) => plainText(child, file)).join("");
  }
  if (blockTypes.has(node.type) && (node.type !== "mdxJsxFlowElement" || node.name === "Question")) {
    return children
      .map((child) => plainText(child, file))
      .filter((text) => text.trim() !== "")
      .join("\n\n");
  }
  throw new FaqError(
    `${file}:${node.position?.start.line ?? "?"}: an answer can hold Markdown only (paragraphs, lists, links, emphasis), not ${
      node.name ? `<${node.name}>` : node.type
    }.`,
  );
}

const tidy = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");

/**
 * Reads `<Question q="…">answer</Question>` elements, the only thing the file may hold, so
 * every question on the page is in the structured data and nothing else is.
 */
export function parseFaq(source: string, file: string): FaqEntry[] {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source) as Node;
  const entries: FaqEntry[] = [];
  for (const node of tree.children ?? []) {
    const where = `${file}:${node.position?.start.line ?? "?"}`;
    if (node.type !== "mdxJsxFlowElement" || node.name !== "Question") {
      throw new FaqError(
        `${where}: the FAQ holds only <Question q="…"> elements, each tag on a line of its own with the answer between them.`,
      );
    }
    const q = node.attributes?.find((attribute) => attribute.name === "q")?.value;
    if (typeof q !== "string" || q.trim() === "") {
      throw new FaqError(`${where}: a <Question> needs its question as q="…", in quotes.`);
    }
    const answer = tidy(plainText(node, file));
    if (answer === "") throw new FaqError(`${where}: the question "${q}" has no answer.`);
    entries.push({ question: q.trim(), answer });
  }
  if (entries.length === 0) throw new FaqError(`${file}: the FAQ has no questions.`);
  return entries;
}

const cache: Partial<Record<Language, FaqEntry[]>> = {};

/** A language's FAQ, validated; read once outside development. */
export function faqEntries(language: Language = "en"): FaqEntry[] {
  const file = faqFiles[language];
  // Spelled out literally so the bundler traces these two files and nothing wider.
  const full =
    language === "de"
      ? path.join(process.cwd(), "content", "de", "blocks", "faq.mdx")
      : path.join(process.cwd(), "content", "blocks", "faq.mdx");
  const read = () => parseFaq(fs.readFileSync(full, "utf8"), file);
  if (isDevelopment()) return read();
  cache[language] ??= read();
  return cache[language];
}
