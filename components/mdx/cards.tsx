import type { ReactNode } from "react";

const grid = {
  2: "md:grid-cols-2",
  3: "md:grid-cols-2 lg:grid-cols-3",
} as const;

/** A grid of cards; two columns suit an even number of cards, three an odd one. */
export function Cards({ columns = 3, children }: { columns?: 2 | 3; children: ReactNode }) {
  return <div className={`not-prose my-10 grid gap-5 ${grid[columns]}`}>{children}</div>;
}

type CardProps = { title: string; eyebrow?: string; children: ReactNode };

export function Card({ title, eyebrow, children }: CardProps) {
  return (
    <section className="flex flex-col rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-7">
      {eyebrow && (
        <p className="mb-3 text-xs font-semibold tracking-[0.14em] text-accent uppercase">{eyebrow}</p>
      )}
      <h3 className="font-serif text-xl leading-snug font-semibold text-ink">{title}</h3>
      <div className="mt-3 space-y-3 text-base leading-relaxed text-muted [&_strong]:text-ink">
        {children}
      </div>
    </section>
  );
}
