import type { FormEvent } from "react";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";

/**
 * Writes how long the page was open before the form was sent into the hidden field the
 * server checks. It counts from the navigation, not from hydration: the page hydrates on the
 * reader's first interaction, which may be the first keystroke in this form. React reads the form data
 * after onSubmit runs, so the value is current.
 */
export function stampFillTime(event: FormEvent<HTMLFormElement>) {
  const input = event.currentTarget.elements.namedItem(FILL_TIME_FIELD);
  if (input instanceof HTMLInputElement) input.value = String(Math.round(performance.now()));
}
