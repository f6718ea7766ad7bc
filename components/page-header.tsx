import type { ReactNode } from "react";

type PageHeaderProps = {
  eyebrow?: string;
  heading: string;
  lead?: string;
  size?: "hero" | "page";
  children?: ReactNode;
};

export function PageHeader({ eyebrow, heading, lead, size = "page", children }: PageHeaderProps) {
  const hero = size === "hero";
  return (
    <header className={hero ? "pt-16 pb-12 sm:pt-24 sm:pb-16" : "pt-12 pb-8 sm:pt-16"}>
      {eyebrow && (
        <p className="mb-4 text-sm font-semibold tracking-[0.14em] text-accent uppercase">{eyebrow}</p>
      )}
      <h1
        className={`max-w-4xl font-serif font-semibold tracking-tight text-balance text-ink ${
          hero ? "text-4xl leading-[1.08] sm:text-6xl" : "text-4xl leading-tight sm:text-5xl"
        }`}
      >
        {heading}
      </h1>
      {lead && (
        <p
          className={`mt-6 max-w-2xl text-pretty text-muted ${hero ? "text-xl sm:text-2xl" : "text-lg sm:text-xl"}`}
        >
          {lead}
        </p>
      )}
      {children}
    </header>
  );
}
