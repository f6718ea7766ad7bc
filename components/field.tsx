import type { ReactNode } from "react";
import { useFieldCopy } from "@/components/field-copy";

export type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A label, its control, a hint and an error message, tied together for assistive technology. */
export function Field({ id, label, hint, optional, error, className, children }: FieldProps) {
  const copy = useFieldCopy();
  // Errors arrive as the rules' message keys, from the browser's check and the server's alike.
  const message = error === undefined ? undefined : (copy.messages[error] ?? error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
        {optional && <span className="font-normal text-muted"> {copy.optional}</span>}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="mt-2">
        {children({
          id,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
        })}
      </div>
      {error && (
        <p id={errorId} className="mt-2 flex gap-1.5 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠</span>
          {message}
        </p>
      )}
    </div>
  );
}

export const controlClass =
  "block w-full rounded-lg border border-line bg-paper px-3.5 py-2.5 text-base text-ink shadow-xs transition-colors placeholder:text-muted/80 hover:border-muted focus-visible:border-brand aria-invalid:border-danger aria-invalid:bg-danger/5";
