import { JsonLd } from "@/components/json-ld";
import { FaqQuestion } from "@/components/mdx/faq-question";
import { faqEntries } from "@/lib/content/faq";
import { faqPage } from "@/lib/content/structured-data";
import FaqQuestions from "@/content/blocks/faq.mdx";

/**
 * The questions of content/blocks/faq.mdx. `structuredData` adds the FAQPage JSON-LD, read from
 * the same file; search engines want one marked-up copy of an FAQ, so only the FAQ page asks.
 */
export function Faq({ structuredData = false }: { structuredData?: boolean }) {
  return (
    <div className="not-prose my-10 space-y-3">
      <FaqQuestions components={{ Question: FaqQuestion }} />
      {structuredData && <JsonLd data={faqPage(faqEntries())} />}
    </div>
  );
}
