import type { ReactNode } from "react";

/** One question of the FAQ: a native disclosure, so it opens without JavaScript and by keyboard. */
export function FaqQuestion({ q, children }: { q: string; children: ReactNode }) {
  return (
    <details className="group rounded-2xl border border-line bg-surface shadow-sm">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-4 rounded-2xl px-5 py-4 font-serif text-lg leading-snug font-semibold text-ink hover:text-brand sm:px-6 [&::-webkit-details-marker]:hidden">
        {q}
        {/* A plus drawn with two bars, turned into a cross when open; drawn rather than typed so
            the summary's text is the question alone, as in the structured data. */}
        <span
          aria-hidden="true"
          className="relative size-8 shrink-0 rounded-full border border-line transition-transform group-open:rotate-45 before:absolute before:top-1/2 before:left-1/2 before:h-0.5 before:w-3.5 before:-translate-x-1/2 before:-translate-y-1/2 before:bg-brand after:absolute after:top-1/2 after:left-1/2 after:h-3.5 after:w-0.5 after:-translate-x-1/2 after:-translate-y-1/2 after:bg-brand motion-reduce:transition-none forced-colors:before:bg-[CanvasText] forced-colors:after:bg-[CanvasText]"
        />
      </summary>
      <div className="space-y-4 px-5 pb-5 text-base leading-relaxed text-ink sm:px-6 [&_a]:text-brand [&_a]:underline [&_a]:underline-offset-4">
        {children}
      </div>
    </details>
  );
}
