import fs from "node:fs/promises";
import { readFileSync, rmSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { StoreError } from "@/lib/db/store-error";
import {
  acquireOwnerLock,
  embeddedSocketPort,
  embeddedUrl,
  lockFilePath,
  markOwnedHere,
  privateDirMode,
  privateFileMode,
  rewriteOwnerLock,
  socketPath,
  type OwnerLock,
} from "@/lib/db/owner-lock";

export type EmbeddedOwner = {
  dataDir: string;
  /** The number in the socket's name (`.s.PGSQL.<port>`); no TCP port is opened. */
  port: number;
  /** The folder holding the socket: DATA_DIR, or a private folder under the OS temp dir. */
  socketDir: string;
  /** The pg connection string for this owner's socket. */
  url: string;
  stop(): Promise<void>;
};

/** Thrown when another live process already owns DATA_DIR: connect through its socket instead. */
export class OwnerRunningError extends Error {
  override name = "OwnerRunningError";
  constructor(readonly lock: OwnerLock) {
    super(`DATA_DIR is owned by process ${lock.pid}`);
  }
}

/** Linux's limit on a Unix socket's path (108 bytes with the terminating NUL). */
export const maxSocketPathBytes = 107;

function dataDirError(dataDir: string, action: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(
    `DATA_DIR=${dataDir}: cannot ${action} (${reason}). Set DATA_DIR to a writable folder, or DATABASE_URL to use a Postgres server.`,
    "DATA_DIR",
    { cause },
  );
}

/**
 * Where the socket goes: DATA_DIR itself (0700, so only the site's user can connect), or, when
 * DATA_DIR's path is too long for a socket, a new 0700 folder under the OS temp dir.
 */
async function socketFolder(root: string): Promise<{ dir: string; temporary: boolean }> {
  const fits = (dir: string) => Buffer.byteLength(socketPath(dir)) <= maxSocketPathBytes;
  if (fits(root)) return { dir: root, temporary: false };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "site-db-"));
  await fs.chmod(dir, privateDirMode);
  if (!fits(dir)) {
    await fs.rm(dir, { recursive: true, force: true });
    throw new Error(`no folder short enough for a Unix socket (DATA_DIR and ${os.tmpdir()} are too deep)`);
  }
  return { dir, temporary: true };
}

/**
 * Makes this process the one owner of DATA_DIR: locks it, opens PGlite in DATA_DIR/pglite and
 * serves it on a Unix socket recorded in the lock file. DATA_DIR is made 0700 (PGlite writes its
 * files 0666 whatever the umask: the folder is what keeps other users out) and the lock 0600.
 * PGlite is one session: the socket server queues every client's statements through it, so
 * transactions must stay short.
 */
export async function startEmbeddedOwner(dataDir: string): Promise<EmbeddedOwner> {
  const root = path.resolve(dataDir);
  try {
    await fs.mkdir(root, { recursive: true, mode: privateDirMode });
  } catch (error) {
    throw dataDirError(dataDir, "create the folder", error);
  }
  // A mode applies only when a folder is created: one made before (or by someone else) too.
  await fs.chmod(root, privateDirMode).catch((error: Error) => {
    // A folder another user owns (a mounted volume): the socket itself stays 0600.
    console.error(`[db] DATA_DIR=${dataDir}: could not make it private (${error.message})`);
  });
  let running: OwnerLock | undefined;
  try {
    running = await acquireOwnerLock(root, {
      pid: process.pid,
      port: null,
      socketDir: null,
      startedAt: new Date().toISOString(),
    });
  } catch (error) {
    throw dataDirError(dataDir, "write its lock file", error);
  }
  if (running) throw new OwnerRunningError(running);
  markOwnedHere(root, true);
  const file = lockFilePath(root);
  let temporarySocketDir: string | undefined;
  const releaseOnExit = () => {
    markOwnedHere(root, false);
    try {
      // Only our own lock: never one another process has taken over since.
      if ((JSON.parse(readFileSync(file, "utf8")) as OwnerLock).pid === process.pid) unlinkSync(file);
    } catch {
      // already gone, or not ours to remove
    }
    if (temporarySocketDir) rmSync(temporarySocketDir, { recursive: true, force: true });
  };
  process.once("exit", releaseOnExit);

  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  const cleanUp = () => {
    process.removeListener("exit", releaseOnExit);
    releaseOnExit();
  };
  try {
    await fs.chmod(file, privateFileMode);
    try {
      pglite = await PGlite.create(path.join(root, "pglite"));
    } catch (error) {
      throw dataDirError(dataDir, "open the embedded database", error);
    }
    let socketDir: string;
    try {
      const folder = await socketFolder(root);
      socketDir = folder.dir;
      if (folder.temporary) temporarySocketDir = folder.dir;
    } catch (error) {
      throw dataDirError(dataDir, "place the database's socket", error);
    }
    const socket = socketPath(socketDir);
    // A socket left by an owner that died: we hold the lock, so it is nobody's.
    await fs.rm(socket, { force: true });
    server = new PGLiteSocketServer({ db: pglite, path: socket, maxConnections: 64 });
    await server.start();
    await fs.chmod(socket, privateFileMode);
    await rewriteOwnerLock(root, {
      pid: process.pid,
      port: embeddedSocketPort,
      socketDir,
      startedAt: new Date().toISOString(),
    });

    let stopped: Promise<void> | undefined;
    const ownedServer = server;
    const ownedDb = pglite;
    return {
      dataDir: root,
      port: embeddedSocketPort,
      socketDir,
      url: embeddedUrl(socketDir),
      stop() {
        stopped ??= (async () => {
          await ownedServer.stop();
          await ownedDb.close();
          cleanUp();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await pglite?.close().catch(() => undefined);
    cleanUp();
    throw error;
  }
}
