// Relative, not "@/": next.config.ts loads this file before any path alias exists.
import { localPath, type Language } from "../i18n/languages";

/**
 * Where a confirmation link leads, per language: the one list of these paths, read by the
 * email's link, the opener-policy header rule (lib/config/security-headers.ts takes them as
 * given) and robots.txt.
 */
export const confirmPaths: Record<Language, string> = {
  en: localPath("en", "/newsletter/confirm"),
  de: localPath("de", "/newsletter/bestaetigen"),
};
