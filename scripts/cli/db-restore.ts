import fs from "node:fs";
import { countRows, restoreData } from "@/lib/db/backup";
import { openStore } from "@/lib/db/open-store";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run db:restore -- FILE

Loads a data dump written by \`npm run db:backup\` into the store (migrating it first). Rows
already in the store are kept as they are; the whole file is applied or none of it.

Environment: DATABASE_URL, DATA_DIR.`;

async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (wantsHelp(process.argv.slice(2)) || !file || rest.length > 0) {
    console.log(help);
    return file ? 0 : 2;
  }
  const sqlText = fs.readFileSync(file, "utf8");
  const store = await openStore();
  try {
    const before = await countRows(store);
    await restoreData(store, sqlText);
    const after = await countRows(store);
    console.log(
      formatFields([
        ["store", store.describe],
        ["restored from", file],
        ...Object.entries(after).map(([table, count]): [string, string] => [
          table,
          `${before[table]} before, ${count} after`,
        ]),
      ]),
    );
    return 0;
  } finally {
    await store.close();
  }
}

runScript(main);
