import { allPages, publishedIssues } from "@/lib/content/loader";
import { languages, localPath } from "@/lib/i18n/languages";

let paths: Set<string> | undefined;

/**
 * The pages analytics counts: every content page and published newsletter issue in every
 * language, and each newsletter archive. Anything else (the confirmation page with its token,
 * a 404, a made-up path) is not counted.
 */
export function isSitePage(path: string): boolean {
  paths ??= new Set(
    languages.flatMap((language) => [
      localPath(language, "/newsletter"),
      ...allPages(language).map((page) => page.href),
      ...publishedIssues(language).map((issue) => issue.href),
    ]),
  );
  return paths.has(path);
}
