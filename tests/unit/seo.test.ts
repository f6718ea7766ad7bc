import type { BreadcrumbList, Organization, Person, Service, WebSite } from "schema-dts";
import { describe, expect, it } from "vitest";
import { getPage } from "@/lib/content/loader";
import { pageMetadata } from "@/lib/content/metadata";
import { siteConfig } from "@/lib/config/site-config";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { breadcrumbList, practiceGraph, serializeJsonLd, serviceOffer } from "@/lib/content/structured-data";

const siteUrl = "https://coaching.example";
const offer = getPage("vp-engineering-coaching")!;

describe("JSON-LD", () => {
  it("describes the practice as a Person and an Organization linked to each other, and the website", () => {
    const graph = practiceGraph(siteUrl)["@graph"] as (Person | Organization | WebSite)[];
    const byType = Object.fromEntries(graph.map((node) => [(node as { "@type": string })["@type"], node]));
    expect(Object.keys(byType).sort()).toEqual(["Organization", "Person", "WebSite"]);
    const person = byType.Person as Exclude<Person, string>;
    const organization = byType.Organization as Exclude<Organization, string>;
    expect(person).toMatchObject({
      name: siteConfig.coach.name,
      worksFor: { "@id": `${siteUrl}/#practice` },
    });
    expect(organization).toMatchObject({
      "@id": `${siteUrl}/#practice`,
      founder: { "@id": `${siteUrl}/#coach` },
    });
    expect(JSON.stringify(graph)).not.toContain("ProfessionalService");
  });

  it("describes the offer page as a Service with a free intro-call Offer from the practice", () => {
    const service = serviceOffer(offer, siteUrl) as Exclude<Service, string> & { "@context": string };
    expect(service).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Service",
      url: `${siteUrl}/vp-engineering-coaching`,
      provider: { "@id": `${siteUrl}/#practice` },
      offers: { "@type": "Offer", price: "0", priceCurrency: "EUR", url: `${siteUrl}/contact` },
    });
    expect(serviceOffer(getPage("privacy")!, siteUrl)).toBeUndefined();
  });

  it("builds a two-step breadcrumb with absolute URLs", () => {
    const list = breadcrumbList(offer, siteUrl) as Exclude<BreadcrumbList, string>;
    expect(list.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${siteUrl}/` },
      {
        "@type": "ListItem",
        position: 2,
        name: offer.nav!.label,
        item: `${siteUrl}/vp-engineering-coaching`,
      },
    ]);
  });

  it("cannot be broken out of its script tag", () => {
    const json = serializeJsonLd({ name: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json).name).toBe("</script><script>alert(1)</script>");
  });
});

describe("page metadata", () => {
  it("gives each page a canonical URL, Open Graph and Twitter tags from its frontmatter", () => {
    expect(pageMetadata(offer)).toMatchObject({
      title: offer.title,
      description: offer.description,
      alternates: { canonical: "/vp-engineering-coaching" },
      openGraph: { url: "/vp-engineering-coaching", title: offer.title },
      twitter: { card: "summary_large_image" },
    });
  });

  it("does not append the site name to the home page title", () => {
    const home = getPage("index")!;
    expect(pageMetadata(home).title).toEqual({ absolute: home.title });
    expect(pageMetadata(home).alternates?.canonical).toBe("/");
  });
});

describe("site config", () => {
  it("pitches the newsletter with the subscriber count", () => {
    for (const language of ["en", "de"] as const) {
      const pitch = fill(dictionary(language).site.newsletterPitch, {
        count: siteConfig.newsletter.subscriberCount,
      });
      expect(pitch).toContain(String(siteConfig.newsletter.subscriberCount));
    }
  });
});
