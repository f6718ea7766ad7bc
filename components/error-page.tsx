"use client";

import { useEffect } from "react";
import { PageHeader } from "@/components/page-header";
import type { errorWords } from "@/lib/i18n/dictionaries/en-error";

/** What app/(en)/error.tsx and app/(de)/de/error.tsx render, each with its language's words. */
export function ErrorPage({
  error,
  reset,
  words,
  home,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  words: typeof errorWords;
  home: string;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-6xl px-5 sm:px-8">
      <PageHeader eyebrow={words.eyebrow} heading={words.heading} lead={words.lead}>
        <div className="mt-10 flex flex-wrap gap-4">
          <button
            type="button"
            onClick={reset}
            className="inline-flex min-h-11 items-center rounded-full bg-brand px-6 py-2.5 font-semibold text-brand-ink"
          >
            {words.tryAgain}
          </button>
          {/* A full page load: after an error the client router may be the broken part. */}
          <a
            href={home}
            className="inline-flex min-h-11 items-center rounded-full border border-line px-6 py-2.5 font-semibold"
          >
            {words.goHome}
          </a>
        </div>
        {error.digest && (
          <p className="mt-6 text-sm text-muted">
            {words.reference} {error.digest}
          </p>
        )}
      </PageHeader>
    </div>
  );
}
