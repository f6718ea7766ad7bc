import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dumpData } from "@/lib/db/backup";
import { openStore } from "@/lib/db/open-store";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run db:backup [-- --out FILE] [-- --data-only]

Writes a plain-SQL dump of the store to FILE (default backups/store-<time>.sql).
  - with DATABASE_URL and pg_dump installed: pg_dump's full dump (schema and data);
    restore into an empty database with: psql "$DATABASE_URL" -f FILE
  - otherwise (the embedded store, or no pg_dump), or with --data-only: every row as SQL;
    restore with: npm run db:migrate && npm run db:restore -- FILE
Works while the site runs. See docs/database.md.

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
  const out = path.resolve(option(args, "--out") ?? path.join("backups", `store-${stamp}.sql`));
  fs.mkdirSync(path.dirname(out), { recursive: true });

  const store = await openStore();
  try {
    if (store.settings.kind === "server" && !args.includes("--data-only") && pgDumpAvailable()) {
      const dump = spawnSync(
        "pg_dump",
        ["--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${store.url}`],
        {
          stdio: ["ignore", "inherit", "pipe"],
          encoding: "utf8",
        },
      );
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
      console.error(`pg_dump failed, writing a data dump instead: ${dump.stderr.trim()}`);
    }
    const file = fs.openSync(out, "w");
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
