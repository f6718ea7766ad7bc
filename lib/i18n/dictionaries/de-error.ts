import type { errorWords as english } from "@/lib/i18n/dictionaries/en-error";

/** The error page's words (see en-error.ts for why they stand apart). */
export const errorWords: typeof english = {
  eyebrow: "Etwas ist schiefgelaufen",
  heading: "Diese Seite konnte leider nicht geladen werden",
  lead: "Das liegt an uns, nicht an dir. Versuch es noch einmal oder schau in ein paar Minuten wieder vorbei.",
  tryAgain: "Noch einmal versuchen",
  goHome: "Zur Startseite",
  reference: "Referenz:",
};
