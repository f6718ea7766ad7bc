import fs from "node:fs/promises";
import path from "node:path";

/** DATA_DIR/owner.lock: which process serves the embedded database, and on which port. */
export type OwnerLock = { pid: number; port: number | null; startedAt: string };

/** The owner's socket speaks the Postgres protocol; PGlite ignores the user and password. */
export function embeddedUrl(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export function lockFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), "owner.lock");
}

export async function readOwnerLock(dataDir: string): Promise<OwnerLock | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockFilePath(dataDir), "utf8")) as Partial<OwnerLock>;
    if (typeof parsed.pid !== "number") return undefined;
    return {
      pid: parsed.pid,
      port: typeof parsed.port === "number" ? parsed.port : null,
      startedAt: String(parsed.startedAt),
    };
  } catch {
    return undefined;
  }
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
    if (lock.port !== null) return lock;
    if (Date.now() > until) return lock;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
