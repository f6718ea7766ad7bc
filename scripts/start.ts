import { spawn } from "node:child_process";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { databaseEnv } from "@/lib/config/env";
import { openStore, type Store } from "@/lib/db/open-store";
import { findLiveOwner } from "@/lib/db/owner-lock";
import { runScript, wantsHelp } from "./cli/run";
import { nextStartArgs } from "./server/next-command";

const help = `Usage: tsx scripts/start.ts -- <command> [args...]

Opens the store, applies migrations, then runs <command> with DATABASE_URL set, and stops when
it stops (signals are passed on). \`npm start\` is this around \`next start\`.

\`next start [directory] [-H <host>] [-p <port>]\` (also through npx) runs the site's own server
instead, scripts/server/serve-next.mjs: Next's request handler with the same options, which
tells the site each request's socket address (the rate limit counts per client by it unless
TRUST_PROXY names a proxy in front). Other commands (\`next dev\`) run as they are.

Without DATABASE_URL, this process owns the embedded database in DATA_DIR (default .data/):
it locks the folder and serves PGlite, and \`npm run inquiries\` and the other commands connect
through it while it runs. If a command owns DATA_DIR when the site starts (a long
\`npm run deliver\`), this waits until it is done, saying so every few seconds.

Environment: DATABASE_URL, DATA_DIR`;

const serverScript = fileURLToPath(new URL("./server/serve-next.mjs", import.meta.url));
const waitNoticeMs = 5_000;

/**
 * The store, owned by this process when it is the embedded one. A command that became the
 * owner because no site ran (`npm run deliver`) keeps it until it is done: wait for it, then
 * take over, rather than serve the site through a process that is about to go.
 */
async function openAsOwner(): Promise<Store> {
  const settings = databaseEnv();
  if (settings.kind !== "embedded") return openStore({ poolSize: 1 });
  let lastNotice = 0;
  for (;;) {
    const live = await findLiveOwner(settings.dataDir, 0);
    if (!live) {
      const store = await openStore({ poolSize: 1 });
      if (store.owner) return store;
      // Another process became the owner between our look and our open: wait for it too.
      await store.close();
      continue;
    }
    if (Date.now() - lastNotice >= waitNoticeMs) {
      lastNotice = Date.now();
      console.log(
        `[db] DATA_DIR=${settings.dataDir} is in use by process ${live.pid} (a command such as \`npm run deliver\`, or another \`npm start\`): waiting for it to finish before the site starts.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? [] : process.argv.slice(separator + 1);
  if (wantsHelp(process.argv.slice(2, separator === -1 ? undefined : separator)) || command.length === 0) {
    console.log(help);
    return command.length === 0 && !wantsHelp(process.argv) ? 2 : 0;
  }

  const store = await openAsOwner();
  // The site gets its own pool; this process only keeps the database (and the lock) alive.
  await store.pool.end();
  console.log(
    `[db] ${store.describe}: migrated${store.owner ? ", serving it to the site and commands" : ""}`,
  );

  // `next start` becomes the site's server, a plain Node process (scripts/server/serve-next.mjs
  // says why): it takes the same arguments.
  const startArgs = nextStartArgs(command);
  const [program, ...args] = startArgs ? [process.execPath, serverScript, ...startArgs] : command;
  const child = spawn(program!, args, {
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
