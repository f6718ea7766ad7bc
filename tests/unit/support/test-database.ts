import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { connectDatabase, type DatabaseConnection } from "@/lib/db/client";
import { startEmbeddedOwner, type EmbeddedOwner } from "@/lib/db/embedded-owner";
import { migrateDatabase } from "@/lib/db/migrate";

/** PGlite always; a real Postgres server too when TEST_DATABASE_URL is set (CI sets it). */
export const backends = [
  "pglite",
  ...(process.env.TEST_DATABASE_URL ? (["postgres"] as const) : []),
] as const;
export type Backend = (typeof backends)[number];

export type TestDatabase = {
  /** A connection string other connections (a second worker) can use. */
  url: string;
  connect(): DatabaseConnection;
  truncate(): Promise<void>;
  /** Empties the rate-limit and email-cap counters only: "a day later". */
  truncateCounters(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: PGlite in its own temporary DATA_DIR behind the
 * owner's socket (as `npm start` runs it), or a new database on TEST_DATABASE_URL's server.
 */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (backend === "pglite") {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "store-test-"));
    const owner: EmbeddedOwner = await startEmbeddedOwner(dataDir);
    url = owner.url;
    cleanup = async () => {
      await owner.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  } else {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `store_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    cleanup = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }

  const connections: DatabaseConnection[] = [];
  const connect = () => {
    const connection = connectDatabase(url);
    connections.push(connection);
    return connection;
  };
  await migrateDatabase(connect());
  return {
    url,
    connect,
    async truncate() {
      await connections[0]!.pool.query(
        "truncate inquiries, digests, rate_limits, subscribers, newsletter_signups, consents",
      );
    },
    async truncateCounters() {
      await connections[0]!.pool.query("truncate rate_limits");
    },
    async close() {
      await Promise.all(connections.map((connection) => connection.close()));
      await cleanup();
    },
  };
}
