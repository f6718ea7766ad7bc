import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { DatabaseConnection } from "@/lib/db/client";

/** The committed SQL migrations, resolved from the project root (where npm runs everything). */
export const migrationsFolder = path.resolve(process.cwd(), "lib/db/migrations");

// Any constant: every process that migrates takes the same lock, so two start-ups never race.
const MIGRATION_LOCK = 7_318_204;

/** Applies the committed migrations not yet applied, on one connection holding an advisory lock. */
export async function migrateDatabase(
  connection: DatabaseConnection,
  folder = migrationsFolder,
): Promise<void> {
  const client = await connection.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
