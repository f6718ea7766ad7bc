import type { Metadata } from "next";
import { NewsletterConfirmForm } from "@/components/newsletter-confirm-form";
import { NewsletterSignup } from "@/components/newsletter-signup";
import { PageHeader } from "@/components/page-header";
import { siteDatabase } from "@/lib/db/site";
import { inspectLink, type LinkState } from "@/lib/newsletter/store";

export const metadata: Metadata = {
  title: "Confirm your subscription",
  description: "Confirm your subscription to the newsletter with one button.",
  robots: { index: false, follow: false },
  alternates: { canonical: null },
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const deadEnds: Record<"unknown" | "expired" | "superseded", { heading: string; lead: string }> = {
  unknown: {
    heading: "This link does not work",
    lead: "The confirmation link is incomplete or has been changed. Nobody was subscribed. Sign up again and you will get a fresh link.",
  },
  expired: {
    heading: "This link has expired",
    lead: "Confirmation links work for 48 hours. Nobody was subscribed. Sign up again and you will get a fresh link.",
  },
  superseded: {
    heading: "This link no longer works",
    lead: "The address left the list after this link was sent, so the link cannot subscribe it again. To come back, sign up again below.",
  },
};

async function linkState(token: string | string[] | undefined): Promise<LinkState | "unavailable"> {
  if (typeof token !== "string" || !token) return { state: "unknown" };
  try {
    return await inspectLink(await siteDatabase(), token);
  } catch (error) {
    console.error(
      "[newsletter] confirm page: the store is not available:",
      error instanceof Error ? error.message : error,
    );
    return "unavailable";
  }
}

/** Opening the link changes nothing (mail scanners open links too): the button confirms. */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = await linkState(token);
  const frame = (children: React.ReactNode) => (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">{children}</div>
  );

  if (link === "unavailable") {
    return frame(
      <PageHeader
        eyebrow="Newsletter"
        heading="This link cannot be checked right now"
        lead="The site cannot reach its database at the moment. Nothing was changed. Please open the link again in a few minutes."
      />,
    );
  }
  if (link.state === "subscribed") {
    return frame(
      <PageHeader
        eyebrow="Newsletter"
        heading="You're subscribed"
        lead={`The next issue goes to ${link.email}.`}
      />,
    );
  }
  if (link.state === "pending") {
    return frame(
      <>
        <PageHeader
          eyebrow="Newsletter"
          heading="Confirm your subscription"
          lead="One last step: press the button to start receiving the newsletter."
        />
        <NewsletterConfirmForm token={token as string} email={link.email} />
      </>,
    );
  }
  return frame(
    <>
      <PageHeader eyebrow="Newsletter" {...deadEnds[link.state]} />
      <NewsletterSignup variant="retry" />
    </>,
  );
}
