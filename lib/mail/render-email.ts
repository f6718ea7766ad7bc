import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** HTML and plain-text bodies from one react-email template. */
export async function renderEmail(template: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(template), render(template, { plainText: true })]);
  return { html, text };
}
