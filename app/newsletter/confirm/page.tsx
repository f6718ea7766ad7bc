import type { Metadata } from "next";
import { NewsletterConfirmForm } from "@/components/newsletter-confirm-form";
import { NewsletterSignup } from "@/components/newsletter-signup";
import { PageHeader } from "@/components/page-header";
import { tokenLifetimeInWords, verifySignupToken } from "@/lib/newsletter/confirmation-token";
import { signingSecret } from "@/lib/config/signing-secret";

export const metadata: Metadata = {
  title: "Confirm your subscription",
  description: "Confirm your subscription to the newsletter with one button.",
  robots: { index: false, follow: false },
  alternates: { canonical: null },
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const check = typeof token === "string" ? await verifySignupToken(token, signingSecret()) : undefined;

  if (!check?.valid) {
    return (
      <div className="mx-auto max-w-6xl px-5 sm:px-8">
        <PageHeader
          eyebrow="Newsletter"
          heading={check?.reason === "expired" ? "This link has expired" : "This link does not work"}
          lead={
            check?.reason === "expired"
              ? `Confirmation links are valid for ${tokenLifetimeInWords()}. Nobody was subscribed. Sign up again and you will get a fresh link.`
              : "The confirmation link is incomplete or has been changed. Nobody was subscribed. Sign up again and you will get a fresh link."
          }
        />
        <NewsletterSignup variant="retry" />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <PageHeader
        eyebrow="Newsletter"
        heading="Confirm your subscription"
        lead="One last step: press the button to start receiving the newsletter."
      />
      <NewsletterConfirmForm token={token as string} email={check.email} />
    </div>
  );
}
