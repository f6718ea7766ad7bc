import "server-only";
import { connectDatabase, type DatabaseConnection, type Db } from "@/lib/db/client";
import { databaseEnv } from "@/lib/config/env";
import { StoreError } from "@/lib/db/store-error";
import { migrateDatabase } from "@/lib/db/migrate";
import { findLiveOwner, lockUrl } from "@/lib/db/owner-lock";

let connection: Promise<DatabaseConnection> | undefined;

async function connect(): Promise<DatabaseConnection> {
  const settings = databaseEnv();
  if (settings.kind === "server") return connectDatabase(settings.url, { max: settings.poolSize });
  // `npm start` sets DATABASE_URL to its owner's socket; this is `next dev` beside a running owner.
  const live = await findLiveOwner(settings.dataDir, 0);
  const url = live && lockUrl(live);
  if (!url) {
    throw new StoreError(
      `DATA_DIR=${settings.dataDir}: no process serves the embedded database. Start the site with \`npm start\`, or set DATABASE_URL.`,
      "DATA_DIR",
    );
  }
  return connectDatabase(url, { max: 1 });
}

/**
 * The site's database handle, connected on first use (never at import, so `next build` opens
 * nothing). The site never owns the embedded store: `npm start` does, and passes DATABASE_URL.
 */
export async function siteDatabase(): Promise<Db> {
  connection ??= connect().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return (await connection).db;
}

/** For start-up on hosts that run `next start` themselves (instrumentation.ts): migrate once. */
export async function migrateSiteDatabase(): Promise<void> {
  await siteDatabase();
  await migrateDatabase(await connection!);
}

/** For a health route: whether the store answers. */
export async function storeIsReady(): Promise<boolean> {
  try {
    await siteDatabase();
    await (await connection!).pool.query("select 1");
    return true;
  } catch {
    return false;
  }
}
