import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type DatabaseConnection } from "@/lib/db/client";
import { startEmbeddedOwner, type EmbeddedOwner } from "@/lib/db/embedded-owner";
import { migrateDatabase } from "@/lib/db/migrate";
import { storeInquiry } from "@/lib/inquiry/store";
import { newInquiry } from "./support/inquiry-fixtures";

const run = promisify(execFile);

describe("the coach's commands while the site's owner holds DATA_DIR", () => {
  let dataDir: string;
  let owner: EmbeddedOwner;
  let connection: DatabaseConnection;

  const command = async (script: string, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      OUTBOX_DIR: path.join(dataDir, "outbox"),
      NODE_ENV: "production",
    };
    delete env.DATABASE_URL;
    delete env.RESEND_API_KEY;
    const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
    return run(tsx, ["--conditions=react-server", `scripts/cli/${script}.ts`, ...args], { env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout + error.stderr,
      }),
    );
  };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "commands-test-"));
    owner = await startEmbeddedOwner(dataDir);
    connection = connectDatabase(owner.url);
    await migrateDatabase(connection);
  }, 120_000);
  afterAll(async () => {
    await connection?.close();
    await owner?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("lists, delivers through the site's port, and shows the result", async () => {
    const { inquiry } = await storeInquiry(connection.db, newInquiry({ name: "Katherine Johnson" }));
    const held = await storeInquiry(connection.db, newInquiry({ name: "Maybe Bot" }, "filled in 0.5 s"));

    const listed = await command("inquiries");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`${inquiry.id.slice(0, 8)}\\s+\\S+ \\S+ UTC\\s+received\\s+Katherine Johnson`),
    );

    const delivered = await command("deliver");
    expect(delivered).toMatchObject({ code: 0, stdout: expect.stringMatching(/delivered:\s+1\n/) });
    expect(delivered.stdout).toContain(`via port ${owner.port}`);
    const outbox = await fs.readdir(path.join(dataDir, "outbox"));
    expect(outbox.filter((file) => file.endsWith(".json"))).toHaveLength(2);

    const shown = await command("inquiries", "show", inquiry.id.slice(0, 8));
    expect(shown.stdout).toMatch(/status:\s+delivered/);

    const released = await command("inquiries", "release", held.inquiry.id.slice(0, 8));
    expect(released).toMatchObject({ code: 0, stdout: expect.stringMatching(/status:\s+delivered/) });
  }, 120_000);

  it("prints help", async () => {
    const help = await command("deliver", "--help");
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: npm run deliver") });
  }, 60_000);
});
