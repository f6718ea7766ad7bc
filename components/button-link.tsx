import Link from "next/link";
import type { ComponentProps } from "react";

const styles = {
  primary: "bg-brand text-brand-ink hover:bg-brand/90 shadow-sm shadow-brand/20",
  secondary: "border border-line bg-surface text-ink hover:border-brand hover:text-brand",
} as const;

type ButtonLinkProps = ComponentProps<typeof Link> & {
  variant?: keyof typeof styles;
};

export function ButtonLink({ variant = "primary", className = "", ...props }: ButtonLinkProps) {
  return (
    <Link
      {...props}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-full px-6 py-2.5 text-base font-semibold no-underline transition-colors motion-reduce:transition-none ${styles[variant]} ${className}`}
    />
  );
}
