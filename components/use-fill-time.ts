"use client";

import { useEffect, useRef, type FormEvent } from "react";
import { FILL_TIME_FIELD } from "@/lib/spam";

/**
 * Records how long the form was open before it was sent, into a hidden field the server
 * checks. React reads the form data after onSubmit runs, so the value is current.
 */
export function useFillTime() {
  const openedAt = useRef<number | null>(null);
  useEffect(() => {
    openedAt.current = performance.now();
  }, []);
  return {
    fieldName: FILL_TIME_FIELD,
    stamp(event: FormEvent<HTMLFormElement>) {
      const input = event.currentTarget.elements.namedItem(FILL_TIME_FIELD);
      if (input instanceof HTMLInputElement && openedAt.current !== null) {
        input.value = String(Math.round(performance.now() - openedAt.current));
      }
    },
  };
}
