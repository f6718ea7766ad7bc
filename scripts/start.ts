import { spawn } from "node:child_process";
import { constants } from "node:os";
import { databaseEnv } from "@/lib/config/env";
import { StoreError } from "@/lib/db/store-error";
import { openStore } from "@/lib/db/open-store";
import { findLiveOwner } from "@/lib/db/owner-lock";
import { runScript, wantsHelp } from "./cli/run";

const help = `Usage: tsx scripts/start.ts -- <command> [args...]

Opens the store, applies migrations, then runs <command> with DATABASE_URL set, and stops when
it stops (signals are passed on). \`npm start\` is this around \`next start\`.

Without DATABASE_URL, this process owns the embedded database in DATA_DIR (default .data/):
it locks the folder, serves PGlite on a loopback port written to DATA_DIR/owner.lock, and
\`npm run inquiries\` and the other commands connect through that port while it runs.

Environment: DATABASE_URL, DATA_DIR`;

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? [] : process.argv.slice(separator + 1);
  if (wantsHelp(process.argv.slice(2, separator === -1 ? undefined : separator)) || command.length === 0) {
    console.log(help);
    return command.length === 0 && !wantsHelp(process.argv) ? 2 : 0;
  }

  const settings = databaseEnv();
  if (settings.kind === "embedded") {
    const live = await findLiveOwner(settings.dataDir, 0);
    if (live) {
      throw new StoreError(
        `DATA_DIR=${settings.dataDir} is already served by process ${live.pid} (another \`npm start\`?). Stop it, or set DATA_DIR to another folder; if no such process runs, remove DATA_DIR/owner.lock.`,
        "DATA_DIR",
      );
    }
  }
  const store = await openStore({ poolSize: 1 });
  // The site gets its own pool; this process only keeps the database (and the lock) alive.
  await store.pool.end();
  console.log(
    `[db] ${store.describe}: migrated${store.owner ? `, serving on 127.0.0.1:${store.owner.port}` : ""}`,
  );

  const child = spawn(command[0]!, command.slice(1), {
    stdio: "inherit",
    // The embedded store takes one connection per process (lib/db/open-store.ts says why).
    env: { ...process.env, DATABASE_URL: store.url, ...(store.owner ? { DATABASE_POOL_SIZE: "1" } : {}) },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  process.on("SIGHUP", forward);

  const code = await new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`[db] could not start ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (exitCode, signal) =>
      resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0)),
    );
  });
  await store.owner?.stop();
  return code;
}

runScript(main);
