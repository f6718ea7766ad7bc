import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { connectDatabase, type DatabaseConnection } from "@/lib/db/client";
import { startEmbeddedOwner, type EmbeddedOwner } from "@/lib/db/embedded-owner";
import { migrateDatabase } from "@/lib/db/migrate";

const run = promisify(execFile);

// What a command run by a test must not pick up from the machine's environment: it talks to
// the test's DATA_DIR, through the outbox, for a local site, unless the test says otherwise.
const scrubbed = ["DATABASE_URL", "RESEND_API_KEY", "ALLOW_OUTBOX_IN_PRODUCTION", "SITE_URL"];

/**
 * One of the coach's commands (`scripts/cli/<script>.ts`) as `npm run` starts it, on `dataDir`.
 * `stdout` is what it printed (with its errors when it failed), `output` everything.
 */
export async function runCommand(
  dataDir: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; output: string }> {
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    OUTBOX_DIR: path.join(dataDir, "outbox"),
    NODE_ENV: "production",
  };
  for (const name of scrubbed) delete full[name];
  Object.assign(full, env);
  const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
  return run(tsx, ["--conditions=react-server", `scripts/cli/${script}.ts`, ...args], { env: full }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout + error.stderr,
      output: error.stdout + error.stderr,
    }),
  );
}

/** A fresh DATA_DIR served by an embedded owner, as `npm start` serves it, migrated. */
export async function servedDataDir(prefix: string): Promise<{
  dataDir: string;
  owner: EmbeddedOwner;
  connection: DatabaseConnection;
  close(): Promise<void>;
}> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const owner = await startEmbeddedOwner(dataDir);
  const connection = connectDatabase(owner.url);
  await migrateDatabase(connection);
  return {
    dataDir,
    owner,
    connection,
    async close() {
      await connection.close();
      await owner.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
