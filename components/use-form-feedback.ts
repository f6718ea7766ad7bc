"use client";

import { useEffect, useRef, useState, type FocusEvent, type RefObject } from "react";
import type { FormState } from "@/lib/forms/form-state";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** Starts `load` once; a failed load (offline) is forgotten, so the next focus tries again. */
function loadOnce<T>(cache: RefObject<Promise<T> | null>, load: () => Promise<T>): Promise<T> {
  if (!cache.current) {
    cache.current = load();
    cache.current.catch(() => (cache.current = null));
  }
  return cache.current;
}

export type Shape<Field extends string> = Record<
  Field,
  { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
>;

/**
 * Field errors for a Server Action form: the server's answer, refined in the browser as the
 * person leaves each field (never on every key), and focus on the first bad field after an
 * invalid answer (or on the status message after success).
 *
 * The schema arrives through `loadShape`, a dynamic import started when a field first gets
 * focus: zod stays out of the JavaScript every page loads, and is there by the time the
 * person leaves the field.
 */
export function useFormFeedback<Field extends string>(
  state: FormState<Field>,
  fields: readonly Field[],
  loadShape: () => Promise<Shape<Field>>,
) {
  const [client, setClient] = useState<{
    answeredAt: number | undefined;
    errors: Partial<Record<Field, string | null>>;
  }>({
    answeredAt: undefined,
    errors: {},
  });
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const shape = useRef<Promise<Shape<Field>> | null>(null);
  const schema = () => loadOnce(shape, loadShape);

  // Errors found in the browser belong to the latest server answer; a new answer replaces them.
  const clientErrors: Partial<Record<Field, string | null>> =
    client.answeredAt === state.answeredAt ? client.errors : {};
  const errorFor = (field: Field): string | undefined =>
    field in clientErrors ? (clientErrors[field] ?? undefined) : state.fieldErrors?.[field]?.[0];

  // Focus that arrived before hydration fired no onFocus: start loading the schema now.
  useEffect(() => {
    if (formRef.current?.contains(document.activeElement)) void loadOnce(shape, loadShape);
  }, [loadShape]);

  useEffect(() => {
    if (state.status === "invalid") {
      const field = fields.find((name) => state.fieldErrors?.[name]?.length);
      const control = field && formRef.current?.elements.namedItem(field);
      if (control instanceof HTMLElement) control.focus();
    } else if (state.status === "success") {
      statusRef.current?.focus();
    }
  }, [state, fields]);

  async function validate(field: Field) {
    let rules: Shape<Field>;
    try {
      rules = await schema();
    } catch {
      // The schema could not load (offline): the server still checks everything on submit.
      return;
    }
    // The person may have kept typing while the schema loaded: judge what is there now.
    const control = formRef.current?.elements.namedItem(field);
    if (!(
      control instanceof HTMLInputElement ||
      control instanceof HTMLTextAreaElement ||
      control instanceof HTMLSelectElement
    ))
      return;
    const result = rules[field].safeParse(control.value);
    const message = result.success ? null : (result.error?.issues[0]?.message ?? null);
    setClient((previous) => ({
      answeredAt: state.answeredAt,
      errors: {
        ...(previous.answeredAt === state.answeredAt ? previous.errors : {}),
        [field]: message,
      },
    }));
  }

  const firstInvalid =
    state.status === "invalid" ? fields.find((field) => errorFor(field) !== undefined) : undefined;

  /** Props for each control: its name, the value to keep, validation on blur, and autofocus without JS. */
  const control = (field: Field) => ({
    name: field,
    defaultValue: state.values?.[field] ?? "",
    // Without JavaScript, autofocus is how focus reaches the first bad field after the reload.
    autoFocus: field === firstInvalid,
    onFocus: () => void schema(),
    onBlur: (event: FocusEvent<Control>) => {
      // Leaving for the submit button: the submission checks everything, and a message
      // appearing now would push the button away from under the pointer.
      const next = event.relatedTarget;
      if (
        next instanceof HTMLButtonElement &&
        next.type === "submit" &&
        next.form === event.currentTarget.form
      )
        return;
      void validate(field);
    },
    onChange: () => {
      if (errorFor(field) !== undefined) void validate(field);
    },
  });

  return { formRef, statusRef, errorFor, control };
}
