import type { MDXComponents } from "mdx/types";
import { LocalizedInquiryForm, LocalizedNewsletterSignup } from "@/components/localized-forms";
import { BookingProvider, IfBookingPage } from "@/components/mdx/booking-page";
import { CallToAction } from "@/components/mdx/call-to-action";
import { Card, Cards } from "@/components/mdx/cards";
import { Column, Columns } from "@/components/mdx/columns";
import { Faq } from "@/components/mdx/faq";
import { MdxLink } from "@/components/mdx/mdx-link";
import {
  CoachName,
  ContactEmail,
  ContactPhone,
  PolicyVersion,
  PostalAddress,
  ResponsibleForContent,
  VatId,
} from "@/components/mdx/practice-facts";
import { Testimonials } from "@/components/mdx/testimonials";
import type { Language } from "@/lib/i18n/languages";

/**
 * Every component an MDX page in content/ may use, for a page in `language`: the forms, the
 * FAQ and the facts that have words of their own get the page's language.
 */
export function mdxComponents(language: Language): MDXComponents {
  return {
    a: MdxLink,
    BookingProvider,
    CallToAction,
    Card,
    Cards,
    CoachName,
    Column,
    Columns,
    ContactEmail,
    ContactPhone,
    Faq: (props: { structuredData?: boolean }) => <Faq {...props} language={language} />,
    IfBookingPage,
    InquiryForm: () => <LocalizedInquiryForm language={language} />,
    NewsletterSignup: (props: { variant?: "page" | "inline"; label?: string }) => (
      <LocalizedNewsletterSignup {...props} language={language} />
    ),
    PolicyVersion: () => <PolicyVersion language={language} />,
    PostalAddress: (props: { inline?: boolean }) => <PostalAddress {...props} language={language} />,
    ResponsibleForContent,
    Testimonials,
    VatId,
  };
}
