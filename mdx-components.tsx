import type { MDXComponents } from "mdx/types";
import { InquiryForm } from "@/components/inquiry-form";
import { BookingProvider, IfBookingPage } from "@/components/mdx/booking-page";
import { CallToAction } from "@/components/mdx/call-to-action";
import { Card, Cards } from "@/components/mdx/cards";
import { Column, Columns } from "@/components/mdx/columns";
import { Faq } from "@/components/mdx/faq";
import { MdxLink } from "@/components/mdx/mdx-link";
import { Testimonials } from "@/components/mdx/testimonials";
import { NewsletterSignup } from "@/components/newsletter-signup";
import {
  CoachName,
  ContactEmail,
  ContactPhone,
  PolicyVersion,
  PostalAddress,
  ResponsibleForContent,
  VatId,
} from "@/components/mdx/practice-facts";

// Every component an MDX page in content/ may use, registered once here.
const components: MDXComponents = {
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
  Faq,
  IfBookingPage,
  InquiryForm,
  NewsletterSignup,
  PolicyVersion,
  PostalAddress,
  ResponsibleForContent,
  Testimonials,
  VatId,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
