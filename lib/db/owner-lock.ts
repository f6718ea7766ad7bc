import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * DATA_DIR/owner.lock: which process serves the embedded database, and where. The database is
 * served on a Unix socket, `<socketDir>/.s.PGSQL.<port>` (the name node-postgres and libpq look
 * for); `port` is only that name's number. Both are null until the owner serves.
 */
export type OwnerLock = { pid: number; port: number | null; socketDir: string | null; startedAt: string };

/** Files and folders only the site's user may read: DATA_DIR, backups, the outbox, the lock. */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** The number in the socket's file name; no TCP port is opened. */
export const embeddedSocketPort = 5432;

/** The socket file node-postgres connects to for `host: socketDir`. */
export function socketPath(socketDir: string, port = embeddedSocketPort): string {
  return path.join(socketDir, `.s.PGSQL.${port}`);
}

/**
 * The owner's socket speaks the Postgres protocol; PGlite ignores the user and password. The
 * socket's folder is the URL's host, percent-encoded (`postgres://…@%2Fsrv%2Fsite%2F.data:5432/…`):
 * node-postgres, psql and `new URL` all read it, and nothing can mistake it for a TCP host.
 */
export function embeddedUrl(socketDir: string, port = embeddedSocketPort): string {
  return `postgres://postgres:postgres@${encodeURIComponent(socketDir)}:${port}/postgres`;
}

/** The connection URL of a lock whose owner serves, or undefined while it does not (yet). */
export function lockUrl(lock: OwnerLock): string | undefined {
  return lock.port !== null && lock.socketDir !== null ? embeddedUrl(lock.socketDir, lock.port) : undefined;
}

export function lockFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), "owner.lock");
}

function parseLock(text: string): OwnerLock | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<OwnerLock>;
    if (typeof parsed.pid !== "number") return undefined;
    return {
      pid: parsed.pid,
      port: typeof parsed.port === "number" ? parsed.port : null,
      socketDir: typeof parsed.socketDir === "string" ? parsed.socketDir : null,
      startedAt: String(parsed.startedAt),
    };
  } catch {
    return undefined;
  }
}

export async function readOwnerLock(dataDir: string): Promise<OwnerLock | undefined> {
  const text = await fs.readFile(lockFilePath(dataDir), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseLock(text);
}

// Data folders this process owns: a lock naming our own pid is stale unless it is one of these
// (a container restart can hand the new process the old owner's pid).
const ownedHere = new Set<string>();

export function markOwnedHere(dataDir: string, owned: boolean): void {
  if (owned) ownedHere.add(path.resolve(dataDir));
  else ownedHere.delete(path.resolve(dataDir));
}

/** Whether the lock's process still runs (and so still serves the database). */
export function isLockLive(lock: OwnerLock, dataDir: string): boolean {
  if (lock.pid === process.pid) return ownedHere.has(path.resolve(dataDir));
  return isProcessAlive(lock.pid);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live owner's lock, waiting while it is still opening the database (first open runs initdb). */
export async function findLiveOwner(dataDir: string, waitMs = 60_000): Promise<OwnerLock | undefined> {
  const until = Date.now() + waitMs;
  for (;;) {
    const lock = await readOwnerLock(dataDir);
    if (!lock || !isLockLive(lock, dataDir)) return undefined;
    if (lockUrl(lock)) return lock;
    if (Date.now() > until) return lock;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A complete file, 0600, under a name no other process uses: linked or renamed into place. */
async function writeTemporary(file: string, text: string): Promise<string> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temporary, text, { flag: "wx", mode: privateFileMode });
  return temporary;
}

/** Replaces our own lock (with its socket, once serving): a reader never sees half a file. */
export async function rewriteOwnerLock(dataDir: string, lock: OwnerLock): Promise<void> {
  const file = lockFilePath(dataDir);
  const temporary = await writeTemporary(file, `${JSON.stringify(lock)}\n`);
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

// Takeover markers this process holds now: a marker naming our pid from before a restart is stale.
const takeoversHere = new Set<string>();

/**
 * Replaces the stale lock whose inode is `ino` with `temporary`, if this process is the one to do
 * it. Contenders for one stale file race for `owner.lock.takeover-<ino>-<level>`, created with
 * link() (exclusive, and complete when it appears); the winner checks the lock is still that file
 * and renames its own over it. Nobody else can replace that file meanwhile: every other writer
 * either needs the same marker or creates with link(), which fails while a lock exists. A marker
 * whose process died mid-takeover is passed over to the next level, which again one process wins.
 */
async function takeOver(file: string, ino: number, temporary: string): Promise<"taken" | "lost"> {
  const held: string[] = [];
  try {
    for (let level = 0; level < 20; level++) {
      const marker = `${file}.takeover-${ino}-${level}`;
      const markerTemporary = await writeTemporary(marker, String(process.pid));
      try {
        await fs.link(markerTemporary, marker);
        takeoversHere.add(marker);
        held.push(marker);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = Number(await fs.readFile(marker, "utf8").catch(() => ""));
        const holderGone =
          Number.isInteger(holder) &&
          holder > 0 &&
          (holder === process.pid ? !takeoversHere.has(marker) : !isProcessAlive(holder));
        if (!holderGone) return "lost";
        held.push(marker); // cleaned up with ours
        continue;
      } finally {
        await fs.rm(markerTemporary, { force: true });
      }
      const current = await fs.stat(file).catch(() => undefined);
      if (current?.ino !== ino) return "lost";
      await fs.rename(temporary, file);
      return "taken";
    }
    return "lost";
  } finally {
    for (const marker of held) {
      takeoversHere.delete(marker);
      await fs.rm(marker, { force: true });
    }
  }
}

/**
 * Makes `lock` DATA_DIR's owner lock, atomically: created with link() when there is none (never
 * half-written), or put in place of a stale one by exactly one of the processes racing for it.
 * Returns undefined once this process holds it, or the live owner's lock. `isLive` decides
 * whether a lock's process still runs (tests race several "processes" in one).
 */
export async function acquireOwnerLock(
  dataDir: string,
  lock: OwnerLock,
  isLive: (existing: OwnerLock) => boolean = (existing) => isLockLive(existing, dataDir),
): Promise<OwnerLock | undefined> {
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 100; attempt++) {
    const temporary = await writeTemporary(file, `${JSON.stringify(lock)}\n`);
    try {
      try {
        await fs.link(temporary, file);
        return undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) continue; // released meanwhile: try to create it again
      const existing = parseLock(await fs.readFile(file, "utf8").catch(() => ""));
      if (existing && isLive(existing)) return existing;
      // A lock left by a process that is gone (or unreadable): take it over.
      if ((await takeOver(file, stat.ino, temporary)) === "taken") return undefined;
    } finally {
      await fs.rm(temporary, { force: true });
    }
    // Someone else is taking it over: look again once they have.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
  }
  throw new Error(`${file} keeps changing`);
}
