import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { DatabaseConnection } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";

/**
 * The tables a backup leaves out, each with its reason. Every other table the schema declares is
 * backed up, so a new table is in the next backup without anyone remembering to add it; a table
 * that must never leave the machine is named here. `npm run db:backup` leaves their rows out of
 * pg_dump's file too (`--exclude-table-data`), and tests/unit/inquiry-store.test.ts checks that
 * the database holds no table the schema does not declare.
 */
export const notBackedUp = new Map<PgTable, string>([
  [
    schema.rateLimits,
    "rate-limit windows and email caps: counters that expire within a day, keyed by hashes of " +
      "client and email addresses; a restore starts them afresh, and a backup kept for months " +
      "must not keep the hashes either",
  ],
  [
    schema.analyticsSalts,
    "the daily salt of the visitor hash: it lives for its day only and is deleted after it, so " +
      "no visitor can be followed across days; a backup holding it would undo that",
  ],
]);

export type BackupTable = { name: string; schema: string; qualified: string };

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function describe(table: PgTable): BackupTable {
  const config = getTableConfig(table);
  const schemaName = config.schema ?? "public";
  return { name: config.name, schema: schemaName, qualified: `${quote(schemaName)}.${quote(config.name)}` };
}

const declaredTables = (): PgTable[] => [
  ...new Set((Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable))),
];

/** Every table lib/db/schema.ts declares, by name: what the migrations create. */
export function schemaTables(): BackupTable[] {
  return declaredTables().map(describe);
}

/**
 * The tables a backup holds: every table of the schema but those in `notBackedUp`, a table after
 * the tables its foreign keys point to (so a restore inserts parents first), otherwise in the
 * schema's order.
 */
export function backedUpTables(): BackupTable[] {
  const tables = declaredTables().filter((table) => !notBackedUp.has(table));
  const parents = new Map(
    tables.map((table) => [
      table,
      getTableConfig(table)
        .foreignKeys.map((key) => key.reference().foreignTable)
        .filter((parent) => parent !== table && tables.includes(parent)),
    ]),
  );
  const ordered: PgTable[] = [];
  const visit = (table: PgTable, path: PgTable[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle through ${describe(table).name}`);
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered.map(describe);
}

/** The names of the tables left out, for pg_dump's `--exclude-table-data`. */
export function excludedTables(): BackupTable[] {
  return [...notBackedUp.keys()].map(describe);
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * A plain-SQL dump of every row of every backed-up table, for the embedded store or a server
 * alike: one `insert … jsonb_populate_record` per row in one transaction, skipping rows already
 * there. Restore into a migrated store (`npm run db:migrate`, then `npm run db:restore -- FILE`,
 * or psql).
 */
export async function dumpData(
  connection: DatabaseConnection,
  write: (chunk: string) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = backedUpTables();
  const { rows: migrations } = await connection.pool.query<{ hash: string }>(
    "select hash from drizzle.__drizzle_migrations order by created_at",
  );
  write(`-- Store data dump, ${new Date().toISOString()}\n`);
  write(`-- Schema: migrations ${migrations.map((row) => row.hash.slice(0, 12)).join(", ")}\n`);
  write(`-- Tables: ${tables.map((table) => table.name).join(", ")}\n`);
  write(
    `-- Left out: ${
      excludedTables()
        .map((table) => table.name)
        .join(", ") || "none"
    }\n`,
  );
  write("begin;\n");
  // One snapshot for every table: a signup confirmed mid-backup is in all its tables or in none.
  const client = await connection.pool.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    for (const table of tables) {
      const { rows } = await client.query<{ row: unknown }>(
        `select to_jsonb(t) as row from ${table.qualified} t`,
      );
      for (const { row } of rows) {
        write(
          `insert into ${table.qualified} select * from jsonb_populate_record(null::${table.qualified}, ${literal(JSON.stringify(row))}::jsonb) on conflict do nothing;\n`,
        );
      }
      counts[table.name] = rows.length;
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  write("commit;\n");
  return counts;
}

/** Runs a dump made by dumpData (or any plain SQL file) as one simple-protocol query. */
export async function restoreData(connection: DatabaseConnection, sqlText: string): Promise<void> {
  await connection.pool.query(sqlText);
}

/** Rows per backed-up table, for the restore command's report. */
export async function countRows(connection: DatabaseConnection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of backedUpTables()) {
    const { rows } = await connection.pool.query<{ count: number }>(
      `select count(*)::int as count from ${table.qualified}`,
    );
    counts[table.name] = rows[0]!.count;
  }
  return counts;
}
