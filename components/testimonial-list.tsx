import { useId } from "react";
import type { Testimonial } from "@/lib/content/testimonials";

/** Client quotes under a heading; nothing at all, heading included, while there are none. */
export function TestimonialList({ heading, items }: { heading: string; items: readonly Testimonial[] }) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="not-prose my-16">
      <h2 id={headingId} className="font-serif text-3xl font-semibold tracking-tight text-ink">
        {heading}
      </h2>
      <div className="mt-8 grid gap-5 md:grid-cols-2">
        {items.map((item) => (
          <figure
            key={`${item.name}:${item.quote}`}
            className="rounded-2xl border border-line bg-surface p-6 sm:p-7"
          >
            <blockquote className="text-lg leading-relaxed text-ink">
              <p>{item.quote}</p>
            </blockquote>
            <figcaption className="mt-4 text-sm text-muted">
              <span className="font-semibold text-ink">{item.name}</span>
              {[item.role, item.company].filter(Boolean).map((detail) => `, ${detail}`)}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
