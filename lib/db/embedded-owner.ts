import fs from "node:fs/promises";
import { readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { StoreError } from "@/lib/db/store-error";
import {
  embeddedUrl,
  isLockLive,
  lockFilePath,
  markOwnedHere,
  readOwnerLock,
  type OwnerLock,
} from "@/lib/db/owner-lock";

export type EmbeddedOwner = {
  dataDir: string;
  port: number;
  /** The pg connection string for this owner's socket server. */
  url: string;
  stop(): Promise<void>;
};

/** Thrown when another live process already owns DATA_DIR: connect through its port instead. */
export class OwnerRunningError extends Error {
  override name = "OwnerRunningError";
  constructor(readonly lock: OwnerLock) {
    super(`DATA_DIR is owned by process ${lock.pid}`);
  }
}

function dataDirError(dataDir: string, action: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(
    `DATA_DIR=${dataDir}: cannot ${action} (${reason}). Set DATA_DIR to a writable folder, or DATABASE_URL to use a Postgres server.`,
    "DATA_DIR",
    { cause },
  );
}

async function writeLock(file: string, lock: OwnerLock, flag: "wx" | "w"): Promise<void> {
  if (flag === "wx") {
    await fs.writeFile(file, `${JSON.stringify(lock)}\n`, { flag });
    return;
  }
  // Replace atomically: a reader never sees half a lock file.
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(lock)}\n`);
  await fs.rename(temporary, file);
}

async function acquireLock(dataDir: string): Promise<void> {
  const file = lockFilePath(dataDir);
  const lock: OwnerLock = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeLock(file, lock, "wx");
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw dataDirError(dataDir, "write its lock file", error);
    }
    const existing = await readOwnerLock(dataDir);
    if (existing && isLockLive(existing, dataDir)) throw new OwnerRunningError(existing);
    // A lock left by a process that is gone (or unreadable): take it over.
    await fs.rm(file, { force: true });
  }
  throw dataDirError(dataDir, "take its lock file", new Error(`${file} keeps reappearing`));
}

/**
 * Makes this process the one owner of DATA_DIR: locks it, opens PGlite in DATA_DIR/pglite and
 * serves it on a loopback port recorded in the lock file. PGlite is one session: the socket
 * server queues every client's statements through it, so transactions must stay short.
 */
export async function startEmbeddedOwner(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedOwner> {
  const root = path.resolve(dataDir);
  try {
    await fs.mkdir(root, { recursive: true });
  } catch (error) {
    throw dataDirError(dataDir, "create the folder", error);
  }
  await acquireLock(root);
  markOwnedHere(root, true);
  const file = lockFilePath(root);
  const releaseOnExit = () => {
    markOwnedHere(root, false);
    try {
      // Only our own lock: never one another process has taken over since.
      if ((JSON.parse(readFileSync(file, "utf8")) as OwnerLock).pid === process.pid) unlinkSync(file);
    } catch {
      // already gone, or not ours to remove
    }
  };
  process.once("exit", releaseOnExit);

  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    try {
      pglite = await PGlite.create(path.join(root, "pglite"));
    } catch (error) {
      throw dataDirError(dataDir, "open the embedded database", error);
    }
    server = new PGLiteSocketServer({
      db: pglite,
      host: "127.0.0.1",
      port: options.port ?? 0,
      maxConnections: 64,
    });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    await writeLock(file, { pid: process.pid, port, startedAt: new Date().toISOString() }, "w");

    let stopped: Promise<void> | undefined;
    const ownedServer = server;
    const ownedDb = pglite;
    return {
      dataDir: root,
      port,
      url: embeddedUrl(port),
      stop() {
        stopped ??= (async () => {
          await ownedServer.stop();
          await ownedDb.close();
          process.removeListener("exit", releaseOnExit);
          releaseOnExit();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await pglite?.close().catch(() => undefined);
    process.removeListener("exit", releaseOnExit);
    releaseOnExit();
    throw error;
  }
}
