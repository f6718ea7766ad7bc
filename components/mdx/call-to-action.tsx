import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button-link";

type CallToActionProps = {
  href: string;
  label: string;
  secondaryHref?: string;
  secondaryLabel?: string;
  children?: ReactNode;
};

export function CallToAction({ href, label, secondaryHref, secondaryLabel, children }: CallToActionProps) {
  return (
    <aside className="not-prose my-12 rounded-3xl bg-brand-soft px-6 py-8 sm:px-10 sm:py-10">
      {children && <div className="max-w-2xl text-lg leading-relaxed text-ink">{children}</div>}
      <div className="mt-6 flex flex-wrap gap-4">
        <ButtonLink href={href}>{label}</ButtonLink>
        {secondaryHref && secondaryLabel && (
          <ButtonLink href={secondaryHref} variant="secondary">
            {secondaryLabel}
          </ButtonLink>
        )}
      </div>
    </aside>
  );
}
