/** A link shown under the success message: what the person can do now (book a call, say). */
export type NextStep = { href: string; label: string };

/** A form's success: the message, and optionally a next step (a link, so it works without JS). */
export type Answer = string | { message: string; next?: NextStep };

/** What a form's Server Action returns, and what the form renders from. */
export type FormState<Field extends string> = {
  status: "idle" | "success" | "invalid" | "error";
  message?: string;
  /** Only with `success`. */
  next?: NextStep;
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** What the person typed, echoed back so nothing is lost on an error (also without JS). */
  values?: Partial<Record<Field, string>>;
  /** Changes with every answer, so the form can move focus again after a repeated error. */
  answeredAt?: number;
};

export function formValues<Field extends string>(
  form: FormData,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}
