import path from "node:path";

/**
 * The arguments after `start` when the launcher is asked to run `next start` (also through
 * `npx`, with or without npx's own flags, or by the binary's path): the launcher then runs the
 * site's own server (serve-next.mjs), which takes the same `[directory] -H -p --keepAliveTimeout`.
 * Anything else (`next dev`, a command) is run as it is: undefined.
 */
export function nextStartArgs(command: readonly string[]): string[] | undefined {
  let rest = [...command];
  if (rest[0] !== undefined && path.basename(rest[0]) === "npx") {
    rest = rest.slice(1);
    while (rest[0]?.startsWith("-")) rest = rest.slice(1);
  }
  if (rest[0] === undefined || path.basename(rest[0]) !== "next" || rest[1] !== "start") return undefined;
  return rest.slice(2);
}
