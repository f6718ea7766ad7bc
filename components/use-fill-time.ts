"use client";

import type { FormEvent } from "react";
import { FILL_TIME_FIELD } from "@/lib/spam";

/**
 * Records how long the page was open before the form was sent, into a hidden field the
 * server checks. It counts from the navigation, not from hydration: the page hydrates after
 * its first paint, and a person may start typing before that. React reads the form data
 * after onSubmit runs, so the value is current.
 */
export function useFillTime() {
  return {
    fieldName: FILL_TIME_FIELD,
    stamp(event: FormEvent<HTMLFormElement>) {
      const input = event.currentTarget.elements.namedItem(FILL_TIME_FIELD);
      if (input instanceof HTMLInputElement) input.value = String(Math.round(performance.now()));
    },
  };
}
