// @vitest-environment jsdom
import fs from "node:fs";
import { evaluate } from "@mdx-js/mdx";
import { cleanup, render } from "@testing-library/react";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { afterEach, describe, expect, it } from "vitest";
import { FaqQuestion } from "@/components/mdx/faq-question";
import { FAQ_FILE, FaqError, faqEntries, parseFaq } from "@/lib/content/faq";
import { faqPage, serializeJsonLd } from "@/lib/content/structured-data";
import { thrownMessage } from "./support/thrown-message";

afterEach(cleanup);

const source = fs.readFileSync(FAQ_FILE, "utf8");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The FAQ file compiled as the site compiles it (remark-gfm), with the site's Question. */
async function renderFaq(mdx: string) {
  const { default: Content } = (await evaluate(mdx, { ...runtime, remarkPlugins: [remarkGfm] })) as {
    default: MDXContent;
  };
  const { container } = render(<Content components={{ Question: FaqQuestion }} />);
  return [...container.querySelectorAll("details")].map((details) => {
    const answer = details.querySelector("summary")!.nextElementSibling!;
    // Blocks read as separate words, as a browser shows them.
    for (const block of answer.querySelectorAll("p, li, pre, blockquote")) block.append(" ");
    return {
      question: squash(details.querySelector("summary")!.textContent ?? ""),
      answer: squash(answer.textContent ?? ""),
    };
  });
}

describe("the FAQ", () => {
  it("reads every <Question> of the file, each with its question and answer", () => {
    const entries = faqEntries();
    expect(entries.length).toBe(source.match(/<Question\b/g)!.length);
    for (const { question, answer } of entries) {
      expect(source).toContain(`q="${question}"`);
      expect(answer.length).toBeGreaterThan(20);
    }
  });

  it("gives structured data with exactly the questions and answer text the page renders", async () => {
    // As the page's script holds it.
    const data = JSON.parse(serializeJsonLd(faqPage(faqEntries()))) as {
      mainEntity: { name: string; acceptedAnswer: { text: string } }[];
    };
    const shown = await renderFaq(source);
    expect(shown.length).toBeGreaterThan(0);
    const marked = data.mainEntity.map((question) => ({
      question: question.name,
      answer: squash(question.acceptedAnswer.text),
    }));
    expect(marked).toEqual(shown);
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "FAQPage" });
  });

  it("keeps Markdown in answers (links, emphasis, lists) as the text a reader sees", async () => {
    const mdx = `<Question q="Can I pay by invoice?">\n\nYes, **gladly**. Write to [me](/contact):\n\n- one\n- two\n\n</Question>\n`;
    const [entry] = parseFaq(mdx, "test.mdx");
    expect(entry).toEqual({
      question: "Can I pay by invoice?",
      answer: "Yes, gladly. Write to me:\n\none\n\ntwo",
    });
    expect([{ ...entry, answer: squash(entry!.answer) }]).toEqual(await renderFaq(mdx));
  });

  it("refuses what the structured data could not say the same way, naming the file and line", () => {
    const error = (mdx: string) => thrownMessage(() => parseFaq(mdx, "content/blocks/faq.mdx"), FaqError);
    expect(error(`<Question q="Who?">\n\nWrite to <ContactEmail />.\n\n</Question>\n`)).toMatch(
      /content\/blocks\/faq\.mdx:3: .*<ContactEmail>/,
    );
    expect(error(`An intro.\n\n<Question q="Who?">\n\nMe.\n\n</Question>\n`)).toMatch(/faq\.mdx:1: /);
    expect(error(`<Question>\n\nMe.\n\n</Question>\n`)).toMatch(/q="…"/);
    expect(error(`<Question q={question}>\n\nMe.\n\n</Question>\n`)).toMatch(/q="…"/);
    expect(error(`<Question q="Who?">\n</Question>\n`)).toMatch(/no answer/);
  });
});
