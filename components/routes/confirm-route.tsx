import type { Metadata } from "next";
import type { ReactNode } from "react";
import { confirmCopy, LocalizedNewsletterSignup, newsletterCopy } from "@/components/localized-forms";
import { NewsletterConfirmForm } from "@/components/newsletter-confirm-form";
import { PageHeader } from "@/components/page-header";
import { describeDbError } from "@/lib/db/log-error";
import { siteDatabase } from "@/lib/db/site";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";
import { inspectLink, type LinkState } from "@/lib/newsletter/store";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

async function linkState(token: string | string[] | undefined): Promise<LinkState | "unavailable"> {
  if (typeof token !== "string" || !token) return { state: "unknown" };
  try {
    return await inspectLink(await siteDatabase(), token);
  } catch (error) {
    console.error(`[newsletter] confirm page: the store is not available: ${describeDbError(error)}`);
    return "unavailable";
  }
}

/** The page a confirmation link opens, in the language of the signup that made it. */
export function confirmRoute(language: Language) {
  const words = dictionary(language);
  const page = words.confirmPage;
  const metadata: Metadata = {
    title: page.title,
    description: page.description,
    robots: { index: false, follow: false },
    alternates: { canonical: null },
  };

  /** Opening the link changes nothing (mail scanners open links too): the button confirms. */
  async function ConfirmPage({ searchParams }: Props) {
    const { token } = await searchParams;
    const link = await linkState(token);
    const eyebrow = words.issues.eyebrow;
    // No language switch: the page speaks the language of the signup its link came from.
    const frame = (children: ReactNode) => <div className="mx-auto max-w-6xl px-5 sm:px-8">{children}</div>;

    if (link === "unavailable") {
      return frame(
        <PageHeader eyebrow={eyebrow} heading={page.unavailableHeading} lead={page.unavailableLead} />,
      );
    }
    if (link.state === "subscribed") {
      return frame(
        <PageHeader
          eyebrow={eyebrow}
          heading={page.subscribedHeading}
          lead={fill(page.subscribedLead, { email: link.email })}
        />,
      );
    }
    if (link.state === "pending") {
      return frame(
        <>
          <PageHeader eyebrow={eyebrow} heading={page.pendingHeading} lead={page.pendingLead} />
          <NewsletterConfirmForm
            token={token as string}
            email={link.email}
            language={language}
            copy={confirmCopy(language)}
            signupCopy={newsletterCopy(language)}
          />
        </>,
      );
    }
    const deadEnd = {
      unknown: { heading: page.unknownHeading, lead: page.unknownLead },
      expired: { heading: page.expiredHeading, lead: page.expiredLead },
      superseded: { heading: page.supersededHeading, lead: page.supersededLead },
    }[link.state];
    return frame(
      <>
        <PageHeader eyebrow={eyebrow} {...deadEnd} />
        <LocalizedNewsletterSignup variant="retry" language={language} />
      </>,
    );
  }

  return { metadata, Page: ConfirmPage };
}
