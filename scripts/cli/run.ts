import nextEnv from "@next/env";
import { openStore, type Store } from "@/lib/db/open-store";
import { StoreError } from "@/lib/db/store-error";
import { checkMailTransport } from "@/lib/server/mail-guard";

/**
 * The same .env files `next start` reads (.env.production.local, .env.local, .env.production,
 * .env), so a command sees the site's DATABASE_URL and mail settings. Variables already set win.
 */
export function loadSiteEnv(): void {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
}

/** Rows as plain columns, padded to line up; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** `label: value` lines with the values lined up. */
export function formatFields(fields: [string, string][]): string {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  return fields.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}`).join("\n");
}

export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

/**
 * Runs a command's main function: its exit code, or 1 with one line for a store problem
 * (naming the variable to fix) and the error for anything else.
 */
export function runScript(main: () => Promise<number>): void {
  loadSiteEnv();
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof StoreError) console.error(`error: ${error.message}`);
      else if (error instanceof Error && error.name === "EnvError") console.error(`error: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Before a command sends anything or takes it from a queue: refuses (exit 1, naming
 * RESEND_API_KEY) to write the store's mail into the outbox when this shell lacks the key the
 * site has (the store has gone through Resend) or SITE_URL is public; see lib/server/mail-guard.ts.
 */
export function guardMail(store: Store): Promise<void> {
  return checkMailTransport(store.db);
}

/** A command that takes no arguments but `--help` and works on the store, closed afterwards. */
export function runStoreCommand(help: string, work: (store: Store) => Promise<number>): void {
  runScript(async () => {
    if (wantsHelp(process.argv.slice(2))) {
      console.log(help);
      return 0;
    }
    const store = await openStore();
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  });
}
