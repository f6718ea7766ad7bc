import type { Metadata } from "next";
import { ButtonLink } from "@/components/button-link";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <PageHeader
        eyebrow="404"
        heading="This page does not exist"
        lead="The link may be old, or the address mistyped. Everything on this site starts from the home page."
      >
        <div className="mt-10 flex flex-wrap gap-4">
          <ButtonLink href="/">Go to the home page</ButtonLink>
          <ButtonLink href="/vp-engineering-coaching" variant="secondary">
            VP of Engineering coaching
          </ButtonLink>
        </div>
      </PageHeader>
    </div>
  );
}
