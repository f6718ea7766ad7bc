"use client";

import { createContext, useContext } from "react";

/**
 * The words every field of a form needs, in the page's language: handed to the form as props by
 * the server (a client component never imports a dictionary) and shared with its fields here.
 * `messages` turns the validation rules' message keys into sentences.
 */
export type FieldCopy = { optional: string; email: string; messages: Record<string, string> };

export const FieldCopyContext = createContext<FieldCopy>({ optional: "", email: "", messages: {} });

export function useFieldCopy(): FieldCopy {
  return useContext(FieldCopyContext);
}
