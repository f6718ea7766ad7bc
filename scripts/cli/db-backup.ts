import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dumpData, excludedTables } from "@/lib/db/backup";
import { openStore } from "@/lib/db/open-store";
import { privateDirMode, privateFileMode } from "@/lib/db/owner-lock";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run db:backup [-- --out FILE] [-- --data-only]

Writes a plain-SQL dump of the store to FILE (default backups/store-<time>.sql), readable by
this user only (the file 0600, a folder it creates 0700; backups/ is made 0700 as well).
  - with DATABASE_URL and pg_dump installed: pg_dump's full dump (schema and data);
    restore into an empty database with: psql "$DATABASE_URL" -f FILE
  - otherwise (the embedded store, or no pg_dump), or with --data-only: every row of every
    table in lib/db/schema.ts as SQL; restore with: npm run db:restore -- FILE
Either way without the rows of the tables lib/db/backup.ts leaves out (${excludedTables()
  .map((table) => table.name)
  .join(", ")}). Works while the site runs. See docs/database.md.

Environment: DATABASE_URL, DATA_DIR.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function pgDumpAvailable(): boolean {
  return spawnSync("pg_dump", ["--version"], { stdio: "ignore" }).status === 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args)) {
    console.log(help);
    return 0;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const chosen = option(args, "--out");
  const out = path.resolve(chosen ?? path.join("backups", `store-${stamp}.sql`));
  // Folders it creates are 0700; the default backups/ is made private even if it existed (a
  // folder named with --out may be shared on purpose, and is left as it is).
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: privateDirMode });
  if (!chosen) fs.chmodSync(path.dirname(out), privateDirMode);
  /** The file, 0600 before the first byte is written (and if it existed already). */
  const openPrivate = () => {
    const fd = fs.openSync(out, "w", privateFileMode);
    fs.fchmodSync(fd, privateFileMode);
    return fd;
  };

  const store = await openStore();
  try {
    if (store.settings.kind === "server" && !args.includes("--data-only") && pgDumpAvailable()) {
      const file = openPrivate();
      let dump: ReturnType<typeof spawnSync>;
      try {
        dump = spawnSync(
          "pg_dump",
          [
            "--no-owner",
            "--no-privileges",
            ...excludedTables().map((table) => `--exclude-table-data=${table.schema}.${table.name}`),
            `--dbname=${store.url}`,
          ],
          { stdio: ["ignore", file, "pipe"], encoding: "utf8" },
        );
      } finally {
        fs.closeSync(file);
      }
      if (dump.status === 0) {
        console.log(
          formatFields([
            ["store", store.describe],
            ["format", "pg_dump (schema and data)"],
            ["written", out],
          ]),
        );
        return 0;
      }
      console.error(`pg_dump failed, writing a data dump instead: ${String(dump.stderr).trim()}`);
    }
    const file = openPrivate();
    let counts: Record<string, number>;
    try {
      counts = await dumpData(store, (chunk) => fs.writeSync(file, chunk));
    } finally {
      fs.closeSync(file);
    }
    console.log(
      formatFields([
        ["store", store.describe],
        ["format", "data (restore with npm run db:restore)"],
        ...Object.entries(counts).map(([table, count]): [string, string] => [table, `${count} rows`]),
        ["written", out],
      ]),
    );
    return 0;
  } finally {
    await store.close();
  }
}

runScript(main);
