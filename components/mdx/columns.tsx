import type { CSSProperties, ReactNode } from "react";

/** Two lists side by side; `versus` puts a "vs" marker between them for comparisons. */
export function Columns({ children, versus = false }: { children: ReactNode; versus?: boolean }) {
  return (
    <div className="not-prose relative my-10 grid gap-5 md:grid-cols-2">
      {children}
      {versus && (
        <span
          aria-hidden="true"
          className="absolute top-1/2 left-1/2 hidden size-12 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border border-line bg-paper font-serif text-base font-semibold text-accent italic md:flex"
        >
          vs
        </span>
      )}
    </div>
  );
}

const tones = {
  positive: { mark: '"✓"', color: "var(--color-success)" },
  negative: { mark: '"✕"', color: "var(--color-danger)" },
  neutral: { mark: '"→"', color: "var(--color-accent)" },
} as const;

type ColumnProps = {
  title: string;
  subtitle?: string;
  tone?: keyof typeof tones;
  children: ReactNode;
};

export function Column({ title, subtitle, tone = "neutral", children }: ColumnProps) {
  const { mark, color } = tones[tone];
  return (
    <section className="rounded-2xl border border-line bg-surface p-6 sm:p-8">
      <h3 className="font-serif text-2xl font-semibold text-ink">{title}</h3>
      {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
      <div
        style={{ "--mark": mark, "--mark-color": color } as CSSProperties}
        className="marked-list mt-5 text-base leading-relaxed text-ink"
      >
        {children}
      </div>
    </section>
  );
}
