import type {
  Article,
  BreadcrumbList,
  FAQPage,
  Graph,
  Organization,
  Person,
  Service,
  WebSite,
  WithContext,
} from "schema-dts";
import type { FaqEntry } from "@/lib/content/faq";
import { pageByKey, type Issue, type Page } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { localPath, type Language } from "@/lib/i18n/languages";

const ids = (siteUrl: string) => ({
  coach: `${siteUrl}/#coach`,
  practice: `${siteUrl}/#practice`,
  website: `${siteUrl}/#website`,
});

export function practiceGraph(siteUrl: string, language: Language = "en"): Graph {
  const id = ids(siteUrl);
  const { site } = dictionary(language);
  const sameAs = siteConfig.social.map((link) => link.href);
  const coach: Person = {
    "@type": "Person",
    "@id": id.coach,
    name: siteConfig.coach.name,
    jobTitle: site.coachJobTitle,
    description: site.coachBio,
    url: `${siteUrl}/`,
    sameAs,
    worksFor: { "@id": id.practice },
  };
  const practice: Organization = {
    "@type": "Organization",
    "@id": id.practice,
    name: siteConfig.name,
    description: site.description,
    url: `${siteUrl}/`,
    email: siteConfig.contact.email,
    founder: { "@id": id.coach },
    sameAs,
    address: {
      "@type": "PostalAddress",
      streetAddress: siteConfig.address.street,
      postalCode: siteConfig.address.postalCode,
      addressLocality: siteConfig.address.city,
      addressCountry: siteConfig.address.countryCode,
    },
  };
  const website: WebSite = {
    "@type": "WebSite",
    "@id": id.website,
    name: siteConfig.name,
    url: `${siteUrl}/`,
    inLanguage: language,
    publisher: { "@id": id.practice },
  };
  return {
    "@context": "https://schema.org",
    "@graph": [coach, practice, website],
  };
}

const home = (siteUrl: string, language: Language) => ({
  "@type": "ListItem" as const,
  position: 1,
  name: dictionary(language).structuredData.home,
  item: `${siteUrl}${localPath(language, "/")}`,
});

export function breadcrumbList(page: Page, siteUrl: string): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [
      home(siteUrl, page.language),
      {
        "@type": "ListItem",
        position: 2,
        name: page.nav?.label ?? page.title,
        item: `${siteUrl}${page.href}`,
      },
    ],
  };
}

export function issueBreadcrumbList(issue: Issue, siteUrl: string): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [
      home(siteUrl, issue.language),
      {
        "@type": "ListItem",
        position: 2,
        name: dictionary(issue.language).structuredData.newsletter,
        item: `${siteUrl}${localPath(issue.language, "/newsletter")}`,
      },
      { "@type": "ListItem", position: 3, name: issue.title, item: `${siteUrl}${issue.href}` },
    ],
  };
}

/** An issue as an Article by the coach, published by the practice (ids from practiceGraph). */
export function issueArticle(issue: Issue, siteUrl: string): WithContext<Article> {
  const id = ids(siteUrl);
  const url = `${siteUrl}${issue.href}`;
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    "@id": `${url}#article`,
    headline: issue.title,
    description: issue.summary,
    datePublished: issue.date,
    inLanguage: issue.language,
    url,
    mainEntityOfPage: url,
    author: { "@id": id.coach },
    publisher: { "@id": id.practice },
    isPartOf: { "@id": id.website },
  };
}

export function serviceOffer(page: Page, siteUrl: string): WithContext<Service> | undefined {
  if (!page.service) return undefined;
  const id = ids(siteUrl);
  // The contact page in the offer's language: its URL differs by language.
  const contact = pageByKey("contact", page.language)?.href ?? localPath(page.language, "/contact");
  const words = dictionary(page.language).structuredData;
  return {
    "@context": "https://schema.org",
    "@type": "Service",
    "@id": `${siteUrl}${page.href}#service`,
    name: page.service.name,
    serviceType: page.service.serviceType,
    description: page.description,
    url: `${siteUrl}${page.href}`,
    provider: { "@id": id.practice },
    areaServed: "Worldwide",
    availableChannel: {
      "@type": "ServiceChannel",
      serviceUrl: `${siteUrl}${contact}`,
      name: words.introCall,
    },
    audience: {
      "@type": "BusinessAudience",
      audienceType: page.service.audience,
    },
    offers: {
      "@type": "Offer",
      name: fill(words.offerName, { service: page.service.name }),
      description: words.offerDescription,
      url: `${siteUrl}${contact}`,
      price: "0",
      priceCurrency: "EUR",
      availability: "https://schema.org/InStock",
      seller: { "@id": id.practice },
    },
  };
}

/** The FAQ as FAQPage data: the same questions and answer text the page shows. */
export function faqPage(entries: readonly FaqEntry[], language: Language = "en"): WithContext<FAQPage> {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    inLanguage: language,
    mainEntity: entries.map(({ question, answer }) => ({
      "@type": "Question",
      name: question,
      acceptedAnswer: { "@type": "Answer", text: answer },
    })),
  };
}

/** JSON for a <script type="application/ld+json">; "<" escaped so text cannot close the tag. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
