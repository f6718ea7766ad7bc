import { controlClass, Field } from "@/components/field";

type TextFieldProps = {
  id: string;
  label: string;
  optional?: boolean;
  error: string | undefined;
  /** The name, value and event props from the form's feedback hook. */
  control: object;
  autoComplete: string;
  className?: string;
};

/** A one-line text input with its label and messages; required unless marked optional. */
export function TextField({ id, label, optional, error, control, autoComplete, className }: TextFieldProps) {
  return (
    <Field id={id} label={label} optional={optional} error={error} className={className}>
      {(a11y) => (
        <input
          {...a11y}
          {...control}
          type="text"
          autoComplete={autoComplete}
          required={!optional}
          className={controlClass}
        />
      )}
    </Field>
  );
}
