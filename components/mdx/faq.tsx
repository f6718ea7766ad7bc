import { JsonLd } from "@/components/json-ld";
import { FaqQuestion } from "@/components/mdx/faq-question";
import FaqQuestionsDe from "@/content/de/blocks/faq.mdx";
import FaqQuestionsEn from "@/content/blocks/faq.mdx";
import { faqEntries } from "@/lib/content/faq";
import { faqPage } from "@/lib/content/structured-data";
import type { Language } from "@/lib/i18n/languages";

const questions = { en: FaqQuestionsEn, de: FaqQuestionsDe };

/**
 * The questions of the language's FAQ block (content/blocks/faq.mdx, content/de/blocks/faq.mdx).
 * `structuredData` adds the FAQPage JSON-LD, read from the same file; search engines want one
 * marked-up copy of an FAQ, so only the FAQ page asks.
 */
export function Faq({ structuredData = false, language }: { structuredData?: boolean; language: Language }) {
  const Questions = questions[language];
  return (
    <div className="not-prose my-10 space-y-3">
      <Questions components={{ Question: FaqQuestion }} />
      {structuredData && <JsonLd data={faqPage(faqEntries(language), language)} />}
    </div>
  );
}
