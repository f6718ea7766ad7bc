import { connectDatabase, type DatabaseConnection } from "@/lib/db/client";
import { databaseEnv, parseDatabaseEnv, type DatabaseSettings } from "@/lib/config/env";
import { StoreError } from "@/lib/db/store-error";
import { migrateDatabase } from "@/lib/db/migrate";
import { findLiveOwner, lockUrl, socketPath } from "@/lib/db/owner-lock";
import type { EmbeddedOwner } from "@/lib/db/embedded-owner";

export type Store = DatabaseConnection & {
  settings: DatabaseSettings;
  url: string;
  /** Set when this process became the embedded owner (no site was running). */
  owner?: EmbeddedOwner;
  /** Where the data is, for messages: the server's host/database or DATA_DIR. */
  describe: string;
};

function describeUrl(url: string): string {
  const parsed = new URL(url);
  const host = decodeURIComponent(parsed.hostname);
  // A Unix socket's folder as the host (the embedded owner's URL, or a server's local socket).
  if (host.startsWith("/")) return `${socketPath(host, Number(parsed.port || 5432))}${parsed.pathname}`;
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

async function checkReachable(connection: DatabaseConnection, settings: DatabaseSettings, url: string) {
  try {
    await connection.pool.query("select 1");
  } catch (error) {
    const reason = (error as Error).message;
    throw settings.kind === "server"
      ? new StoreError(
          `DATABASE_URL: cannot reach the database at ${describeUrl(url)} (${reason}). Check DATABASE_URL.`,
          "DATABASE_URL",
          { cause: error },
        )
      : new StoreError(
          `DATA_DIR=${settings.dataDir}: the process serving it on ${describeUrl(url)} does not answer (${reason}). Stop it, or remove DATA_DIR/owner.lock if no such process runs.`,
          "DATA_DIR",
          { cause: error },
        );
  }
}

async function migrateOrExplain(connection: DatabaseConnection, settings: DatabaseSettings) {
  try {
    await migrateDatabase(connection);
  } catch (error) {
    const variable = settings.kind === "server" ? "DATABASE_URL" : "DATA_DIR";
    throw new StoreError(
      `${variable}: the database schema could not be migrated (${(error as Error).message}). Check ${variable}.`,
      variable,
      { cause: error },
    );
  }
}

export type OpenStoreOptions = {
  env?: Record<string, string | undefined>;
  /** Apply pending migrations (start-up and commands do; the site's own pool does not need to). */
  migrate?: boolean;
  /** Without a running owner, open DATA_DIR in this process (commands); otherwise fail. */
  becomeOwner?: boolean;
  poolSize?: number;
};

/**
 * The store for a command or the start-up: DATABASE_URL when set; otherwise the embedded database
 * in DATA_DIR, through the running site's socket when there is one, else owned by this process.
 * Everything talks `pg` either way. Fails with one StoreError naming the variable to fix.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const settings = options.env ? parseDatabaseEnv(options.env) : databaseEnv();
  const { migrate = true, becomeOwner = true, poolSize } = options;

  if (settings.kind === "server") {
    const connection = connectDatabase(settings.url, { max: poolSize });
    try {
      await checkReachable(connection, settings, settings.url);
      if (migrate) await migrateOrExplain(connection, settings);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    return { ...connection, settings, url: settings.url, describe: describeUrl(settings.url) };
  }

  let owner: EmbeddedOwner | undefined;
  let url: string;
  let live = await findLiveOwner(settings.dataDir);
  if (!live && becomeOwner) {
    // Loaded only here, so code that never owns the database never loads PGlite.
    const { startEmbeddedOwner, OwnerRunningError } = await import("@/lib/db/embedded-owner");
    try {
      owner = await startEmbeddedOwner(settings.dataDir);
    } catch (error) {
      // Another process became the owner first: use it.
      if (!(error instanceof OwnerRunningError)) throw error;
      live = await findLiveOwner(settings.dataDir);
    }
  }
  if (owner) {
    url = owner.url;
  } else if (live && lockUrl(live)) {
    url = lockUrl(live)!;
  } else if (live) {
    throw new StoreError(
      `DATA_DIR=${settings.dataDir}: process ${live.pid} holds it but never opened its socket. Stop that process, or remove DATA_DIR/owner.lock if no such process runs.`,
      "DATA_DIR",
    );
  } else {
    throw new StoreError(
      `DATA_DIR=${settings.dataDir}: no process serves the embedded database. Start the site with \`npm start\` (it owns DATA_DIR), or set DATABASE_URL.`,
      "DATA_DIR",
    );
  }

  // The embedded store is one session behind a socket that multiplexes clients: statements from
  // two connections of one process at once can interleave (seen under load as "bind message
  // supplies 4 parameters, but prepared statement requires 9"), so one connection per process.
  const connection = connectDatabase(url, { max: poolSize ?? 1 });
  try {
    await checkReachable(connection, settings, url);
    if (migrate) await migrateOrExplain(connection, settings);
  } catch (error) {
    await connection.close().catch(() => undefined);
    await owner?.stop().catch(() => undefined);
    throw error;
  }
  return {
    ...connection,
    settings,
    url,
    owner,
    describe: owner
      ? `${settings.dataDir} (embedded, this process)`
      : `${settings.dataDir} (embedded, via port ${live!.port} of the socket ${socketPath(live!.socketDir!, live!.port!)})`,
    async close() {
      await connection.close();
      await owner?.stop();
    },
  };
}
