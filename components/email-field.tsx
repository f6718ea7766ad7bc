import { controlClass, Field } from "@/components/field";
import { useFieldCopy } from "@/components/field-copy";

type EmailFieldProps = {
  id: string;
  error: string | undefined;
  /** The name, value and event props from the form's feedback hook. */
  control: object;
  className?: string;
};

/** The email address as every form asks for it, so browsers and phones offer the right help. */
export function EmailField({ id, error, control, className }: EmailFieldProps) {
  return (
    <Field id={id} label={useFieldCopy().email} error={error} className={className}>
      {(a11y) => (
        <input
          {...a11y}
          {...control}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          className={controlClass}
        />
      )}
    </Field>
  );
}
