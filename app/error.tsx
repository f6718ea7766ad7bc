"use client";

import { useEffect } from "react";
import { PageHeader } from "@/components/page-header";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <PageHeader
        eyebrow="Something went wrong"
        heading="Sorry, this page failed to load"
        lead="It is our fault, not yours. Try again, or come back in a few minutes."
      >
        <div className="mt-10 flex flex-wrap gap-4">
          <button
            type="button"
            onClick={reset}
            className="inline-flex min-h-11 items-center rounded-full bg-brand px-6 py-2.5 font-semibold text-brand-ink"
          >
            Try again
          </button>
          {/* A full page load: after an error the client router may be the broken part. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
          <a
            href="/"
            className="inline-flex min-h-11 items-center rounded-full border border-line px-6 py-2.5 font-semibold"
          >
            Go to the home page
          </a>
        </div>
        {error.digest && <p className="mt-6 text-sm text-muted">Reference: {error.digest}</p>}
      </PageHeader>
    </div>
  );
}
