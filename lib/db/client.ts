import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { schema } from "@/lib/db/schema";

export type Db = NodePgDatabase<typeof schema>;

export type DatabaseConnection = {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
};

/** A pool over node-postgres: the same code talks to a managed server or to the embedded owner's port. */
export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseConnection {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    async close() {
      await pool.end();
    },
  };
}
