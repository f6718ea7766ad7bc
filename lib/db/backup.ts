import type { DatabaseConnection } from "@/lib/db/client";

/** The store's tables, parents first; the schema itself comes from the migrations. */
const tables = ["inquiries", "digests"] as const;

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * A plain-SQL dump of every row, for the embedded store or a server alike: one
 * `insert … jsonb_populate_record` per row in one transaction, skipping rows already there.
 * Restore into a migrated store (`npm run db:migrate`, then `npm run db:restore -- FILE`, or psql).
 */
export async function dumpData(
  connection: DatabaseConnection,
  write: (chunk: string) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const { rows: migrations } = await connection.pool.query<{ hash: string }>(
    "select hash from drizzle.__drizzle_migrations order by created_at",
  );
  write(`-- Store data dump, ${new Date().toISOString()}\n`);
  write(`-- Schema: migrations ${migrations.map((row) => row.hash.slice(0, 12)).join(", ")}\n`);
  write("begin;\n");
  for (const table of tables) {
    const { rows } = await connection.pool.query<{ row: unknown }>(
      `select to_jsonb(t) as row from ${table} t`,
    );
    for (const { row } of rows) {
      write(
        `insert into ${table} select * from jsonb_populate_record(null::${table}, ${literal(JSON.stringify(row))}::jsonb) on conflict do nothing;\n`,
      );
    }
    counts[table] = rows.length;
  }
  write("commit;\n");
  return counts;
}

/** Runs a dump made by dumpData (or any plain SQL file) as one simple-protocol query. */
export async function restoreData(connection: DatabaseConnection, sqlText: string): Promise<void> {
  await connection.pool.query(sqlText);
}
