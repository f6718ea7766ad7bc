// `npm start` while a command owns the embedded store (a long `npm run deliver` that became the
// owner because no site was running): the launcher waits, saying so, then owns it and runs.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore } from "@/lib/db/open-store";
import { readOwnerLock } from "@/lib/db/owner-lock";

// The embedded database shares two cores with the rest of the suite in CI.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

describe("scripts/start.ts while a command owns DATA_DIR", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "start-wait-test-"));
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  it("waits with a message until the command is done, then becomes the owner and runs the site", async () => {
    // This test process plays the command: it owns the store, as `npm run deliver` does.
    const command = await openStore({ env: { DATA_DIR: dataDir } });
    let released = false;
    try {
      expect(command.owner).toBeDefined();

      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      delete env.DATABASE_POOL_SIZE;
      const site = `console.log("site started, database:", process.env.DATABASE_URL ? "set" : "unset")`;
      const launcher = spawn(
        path.join(process.cwd(), "node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/start.ts", "--", process.execPath, "-e", site],
        { env, stdio: ["ignore", "pipe", "pipe"] },
      );
      let output = "";
      launcher.stdout.on("data", (chunk) => (output += chunk));
      launcher.stderr.on("data", (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => launcher.on("exit", resolve));

      await vi.waitFor(() => expect(output).toContain("waiting for it to finish"), {
        timeout: 60_000,
        interval: 200,
      });
      expect(output).toContain(`in use by process ${process.pid}`);
      // Still waiting a while later: the site does not run on a store that is about to go.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(output).not.toContain("site started");
      expect(launcher.exitCode).toBeNull();

      await command.close();
      released = true;
      expect(await exited).toBe(0);
      expect(output).toContain("site started, database: set");
      expect(output).toMatch(/\[db\] .*: migrated/);
      // The launcher was the owner and let go when the site stopped.
      expect(await readOwnerLock(dataDir)).toBeUndefined();
    } finally {
      if (!released) await command.close();
    }
  });
});
