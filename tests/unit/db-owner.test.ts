import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StoreError } from "@/lib/db/store-error";
import { openStore } from "@/lib/db/open-store";
import { lockFilePath, readOwnerLock } from "@/lib/db/owner-lock";

// The embedded database shares two cores with the rest of the suite in CI.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

describe("the embedded store's owner", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "owner-test-"));
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  it("owns DATA_DIR, records its port, lets others in through it, and lets go when closed", async () => {
    const owner = await openStore({ env: { DATA_DIR: dataDir } });
    try {
      expect(owner.owner).toBeDefined();
      expect(await readOwnerLock(dataDir)).toMatchObject({ pid: process.pid, port: owner.owner!.port });

      const client = await openStore({ env: { DATA_DIR: dataDir }, becomeOwner: false });
      expect(client.owner).toBeUndefined();
      expect(client.describe).toContain(`via port ${owner.owner!.port}`);
      const { rows } = await client.pool.query<{ count: number }>(
        "select count(*)::int as count from inquiries",
      );
      expect(rows[0]!.count).toBe(0);
      await client.close();
    } finally {
      await owner.close();
    }
    expect(await readOwnerLock(dataDir)).toBeUndefined();
  }, 120_000);

  it("takes over a lock left by a process that is gone", async () => {
    await fs.writeFile(
      lockFilePath(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 7, port: 1, startedAt: "then" }),
    );
    const store = await openStore({ env: { DATA_DIR: dataDir } });
    try {
      expect(store.owner).toBeDefined();
      expect((await readOwnerLock(dataDir))?.pid).toBe(process.pid);
    } finally {
      await store.close();
    }
  }, 120_000);

  it("without an owner, a command that may not become one says how to start one", async () => {
    await expect(openStore({ env: { DATA_DIR: dataDir }, becomeOwner: false })).rejects.toMatchObject({
      name: "StoreError",
      variable: "DATA_DIR",
    });
  });
});

describe("start-up problems name the variable to fix", () => {
  it("DATA_DIR that cannot be created", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "owner-test-"));
    const file = path.join(folder, "a-file");
    await fs.writeFile(file, "");
    const error = await openStore({ env: { DATA_DIR: path.join(file, "data") } }).catch(
      (caught: unknown) => caught,
    );
    await fs.rm(folder, { recursive: true, force: true });
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      variable: "DATA_DIR",
      message: expect.stringMatching(/^DATA_DIR=.*ENOTDIR/),
    });
  });

  it("DATABASE_URL that does not answer", async () => {
    const error = await openStore({ env: { DATABASE_URL: "postgres://site:site@127.0.0.1:1/site" } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      variable: "DATABASE_URL",
      message: expect.stringContaining("cannot reach"),
    });
  });

  it("DATABASE_URL that is not a Postgres URL", async () => {
    await expect(openStore({ env: { DATABASE_URL: "mysql://x@y/z" } })).rejects.toMatchObject({
      variable: "DATABASE_URL",
    });
  });
});
