import type { ReactNode } from "react";

export function SubmitButton({
  pending,
  pendingLabel,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className="inline-flex min-h-11 items-center justify-center gap-2 rounded-full bg-brand px-6 py-2.5 font-semibold text-brand-ink shadow-sm transition-colors hover:bg-brand/90 aria-disabled:cursor-progress aria-disabled:opacity-80"
    >
      {pending && (
        <span
          aria-hidden="true"
          className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
        />
      )}
      {pending ? pendingLabel : children}
    </button>
  );
}
