// Files only the site's user can read, and an embedded store only the site's user can reach.
// CI runs as root, who reads everything: the mode bits are what is checked.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openStore } from "@/lib/db/open-store";
import {
  acquireOwnerLock,
  embeddedSocketPort,
  lockFilePath,
  readOwnerLock,
  socketPath,
  type OwnerLock,
} from "@/lib/db/owner-lock";
import { outboxBroadcaster, outboxMailer } from "@/lib/mail/outbox-transport";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

const folders: string[] = [];
const tempFolder = async (prefix: string) => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
};
afterAll(async () => {
  for (const folder of folders) await fs.rm(folder, { recursive: true, force: true });
});

describe("the embedded store", () => {
  it("makes DATA_DIR 0700 and the lock 0600, and serves on a 0600 socket inside DATA_DIR", async () => {
    const dataDir = path.join(await tempFolder("private-"), "data");
    // Made before, with the usual umask: a mode applies only at creation, so it must be changed.
    await fs.mkdir(dataDir, { mode: 0o755 });
    await fs.chmod(dataDir, 0o755);
    const owner = await openStore({ env: { DATA_DIR: dataDir } });
    try {
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(lockFilePath(dataDir))).toBe(0o600);
      const socket = socketPath(dataDir, embeddedSocketPort);
      expect((await fs.stat(socket)).isSocket()).toBe(true);
      expect(await modeOf(socket)).toBe(0o600);
      expect(await readOwnerLock(dataDir)).toMatchObject({
        pid: process.pid,
        port: embeddedSocketPort,
        socketDir: dataDir,
      });
      // No TCP: the URL's host is the socket's folder.
      expect(owner.url).not.toMatch(/127\.0\.0\.1|localhost/);
      expect(decodeURIComponent(new URL(owner.url).hostname)).toBe(dataDir);

      const client = await openStore({ env: { DATA_DIR: dataDir }, becomeOwner: false });
      try {
        expect(client.describe).toContain(socket);
        const { rows } = await client.pool.query<{ one: number }>("select 1 as one");
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await client.close();
      }
      // The URL the owner hands the site (DATABASE_URL) is accepted as a server URL.
      const viaUrl = await openStore({ env: { DATABASE_URL: owner.url }, migrate: false });
      try {
        expect(viaUrl.settings.kind).toBe("server");
        expect((await viaUrl.pool.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
      } finally {
        await viaUrl.close();
      }
    } finally {
      await owner.close();
    }
    await expect(fs.stat(socketPath(dataDir))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("puts the socket in a private folder under the temp dir when DATA_DIR is too deep for one", async () => {
    let dataDir = await tempFolder("deep-");
    while (Buffer.byteLength(socketPath(dataDir)) <= 107)
      dataDir = path.join(dataDir, "a-rather-long-folder-name");
    const owner = await openStore({ env: { DATA_DIR: dataDir } });
    let socketDir: string;
    try {
      const lock = await readOwnerLock(dataDir);
      socketDir = lock!.socketDir!;
      expect(socketDir.startsWith(os.tmpdir())).toBe(true);
      expect(Buffer.byteLength(socketPath(socketDir))).toBeLessThanOrEqual(107);
      expect(await modeOf(socketDir)).toBe(0o700);
      expect(await modeOf(dataDir)).toBe(0o700);

      // Another process finds it through the lock.
      const client = await openStore({ env: { DATA_DIR: dataDir }, becomeOwner: false });
      try {
        expect((await client.pool.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
      } finally {
        await client.close();
      }
    } finally {
      await owner.close();
    }
    await expect(fs.stat(socketDir)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("the owner lock", () => {
  const lockOf = (pid: number): OwnerLock => ({
    pid,
    port: null,
    socketDir: null,
    startedAt: new Date().toISOString(),
  });

  it("goes to exactly one of two processes racing for a stale lock", async () => {
    const dataDir = await tempFolder("lock-race-");
    const ticks = async (count: number) => {
      for (let tick = 0; tick < count; tick++) await new Promise((resolve) => setImmediate(resolve));
    };
    // Read, remove, create (the takeover before) gave two owners in about a third of the rounds:
    // the second racer, a few file operations behind, removed the lock the first had just made.
    for (let round = 0; round < 40; round++) {
      // A lock left by a process that is gone; the two racers (pids 1001 and 1002 of this test)
      // are alive, so each must see the other's lock, once written, as held.
      await fs.rm(lockFilePath(dataDir), { force: true });
      await fs.writeFile(lockFilePath(dataDir), JSON.stringify(lockOf(999)));
      const racers = [1001, 1002];
      const isLive = (lock: OwnerLock) => racers.includes(lock.pid);
      const results = await Promise.all(
        racers.map(async (pid, index) => {
          await ticks(index * (round % 10)); // the second one a little behind, by a varying amount
          return acquireOwnerLock(dataDir, lockOf(pid), isLive);
        }),
      );
      const winners = racers.filter((_, index) => results[index] === undefined);
      expect(winners, `round ${round}`).toHaveLength(1);
      const loser = results.find((result) => result !== undefined);
      expect(loser?.pid).toBe(winners[0]);
      expect((await readOwnerLock(dataDir))?.pid).toBe(winners[0]);
      expect(await modeOf(lockFilePath(dataDir))).toBe(0o600);
    }
    // Nothing left behind: no temporary file, no takeover marker.
    expect(await fs.readdir(dataDir)).toEqual(["owner.lock"]);
  });

  it("is taken over when its process is gone, and kept when it is alive", async () => {
    const dataDir = await tempFolder("lock-");
    await fs.writeFile(lockFilePath(dataDir), JSON.stringify(lockOf(2 ** 22 + 7)));
    expect(await acquireOwnerLock(dataDir, lockOf(1001), (lock) => lock.pid === 1001)).toBeUndefined();
    expect(await acquireOwnerLock(dataDir, lockOf(1002), (lock) => lock.pid === 1001)).toMatchObject({
      pid: 1001,
    });
    // A takeover marker left by a process that died mid-takeover does not block the next one.
    const { ino } = await fs.stat(lockFilePath(dataDir));
    await fs.writeFile(`${lockFilePath(dataDir)}.takeover-${ino}-0`, String(2 ** 22 + 7));
    expect(await acquireOwnerLock(dataDir, lockOf(1003), (lock) => lock.pid === 1003)).toBeUndefined();
    expect((await readOwnerLock(dataDir))?.pid).toBe(1003);
    expect(await fs.readdir(dataDir)).toEqual(["owner.lock"]);
  });
});

describe("the outbox", () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await tempFolder("outbox-private-"), "outbox");
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it("keeps its folder 0700 and every file 0600, also those written before", async () => {
    // An outbox made before, with the usual umask.
    await fs.mkdir(dir, { mode: 0o755 });
    await fs.chmod(dir, 0o755);
    await fs.writeFile(path.join(dir, "contacts.json"), "{}\n", { mode: 0o644 });
    await fs.chmod(path.join(dir, "contacts.json"), 0o644);

    const mailer = outboxMailer(dir);
    await mailer.send({
      from: "Site <site@localhost>",
      to: "erin@example.com",
      subject: "Confirm your subscription",
      html: "<a href='http://localhost/newsletter/confirm?token=secret'>Confirm</a>",
      text: "http://localhost/newsletter/confirm?token=secret",
      idempotencyKey: "confirmation-1",
    });
    await mailer.subscribe({ email: "erin@example.com", properties: {} });
    const broadcaster = outboxBroadcaster(dir);
    await broadcaster.createBroadcast({
      name: "newsletter:first",
      from: "Site <site@localhost>",
      subject: "First",
      previewText: "First",
      html: "<p>First</p>",
      text: "First",
    });

    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(path.join(dir, "broadcasts"))).toBe(0o700);
    const files = [
      ...(await fs.readdir(dir)).filter((name) => name !== "broadcasts").map((name) => path.join(dir, name)),
      ...(await fs.readdir(path.join(dir, "broadcasts"))).map((name) => path.join(dir, "broadcasts", name)),
    ];
    expect(files).toHaveLength(5);
    for (const file of files)
      expect(`${path.basename(file)} ${(await modeOf(file)).toString(8)}`).toMatch(/ 600$/);
  });
});
