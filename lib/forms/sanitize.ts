// Control characters have no place in a name or a subject line (CR/LF would be a header
// injection path in any mail system that builds headers by hand), and bidi overrides can
// make a subject read differently from what it contains.
const CONTROL = /[\p{Cc}\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
// In free text, keep line breaks and tabs; drop the rest.
const CONTROL_EXCEPT_WHITESPACE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line of text: control characters become spaces, runs of whitespace collapse. */
export function singleLine(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** Several paragraphs: normalised line endings, no control characters, no trailing blanks. */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_EXCEPT_WHITESPACE, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
