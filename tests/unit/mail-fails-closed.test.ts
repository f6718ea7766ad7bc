// Mail fails closed: a command run in a shell without the site's RESEND_API_KEY must not empty
// the queue into the outbox (and mark it delivered) when the site is public or sends through
// Resend. The commands run as separate processes, as the coach runs them beside the site.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isPublicOrigin, mailConfigurationProblem, parseServerEnv } from "@/lib/config/env";
import { connectDatabase, type DatabaseConnection } from "@/lib/db/client";
import { startEmbeddedOwner, type EmbeddedOwner } from "@/lib/db/embedded-owner";
import { migrateDatabase } from "@/lib/db/migrate";
import { getInquiry, storeInquiry } from "@/lib/inquiry/store";
import { checkMailTransport, recordResendUse, resendLastUsed } from "@/lib/server/mail-guard";
import { newInquiry } from "./support/inquiry-fixtures";

const run = promisify(execFile);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("where mail may go", () => {
  it("calls a site local by SITE_URL's host alone: localhost and loopback addresses", () => {
    for (const local of [
      "http://localhost:3000",
      "http://127.0.0.2:3100",
      "http://[::1]:3000",
      "http://0.0.0.0:3000",
      "http://site.localhost",
    ]) {
      expect(isPublicOrigin(local), local).toBe(false);
    }
    expect(isPublicOrigin("https://coach.example")).toBe(true);
    expect(isPublicOrigin("http://203.0.113.9")).toBe(true);
  });

  it("allows the outbox on a production build served on this machine (npm run serve)", () => {
    const env = parseServerEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3000" });
    expect(mailConfigurationProblem(env)).toBeUndefined();
  });

  it("refuses the outbox for a store Resend has served, whatever SITE_URL, unless the owner opts in", () => {
    const resendUsedAt = new Date("2026-11-01T00:00:00Z");
    expect(mailConfigurationProblem(parseServerEnv({}), { resendUsedAt })).toMatch(
      /RESEND_API_KEY is not set/,
    );
    expect(
      mailConfigurationProblem(parseServerEnv({ ALLOW_OUTBOX_IN_PRODUCTION: "1" }), { resendUsedAt }),
    ).toBeUndefined();
  });
});

describe("the commands without RESEND_API_KEY", () => {
  let dataDir: string;
  let owner: EmbeddedOwner;
  let connection: DatabaseConnection;

  const command = async (env: Record<string, string>, script: string, ...args: string[]) => {
    const full: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      OUTBOX_DIR: path.join(dataDir, "outbox"),
      NODE_ENV: "production",
      ...env,
    };
    for (const name of ["DATABASE_URL", "RESEND_API_KEY", "ALLOW_OUTBOX_IN_PRODUCTION"]) {
      if (!(name in env)) delete full[name];
    }
    if (!("SITE_URL" in env)) delete full.SITE_URL;
    const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
    return run(tsx, ["--conditions=react-server", `scripts/cli/${script}.ts`, ...args], { env: full }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
  };
  const outboxFiles = () => fs.readdir(path.join(dataDir, "outbox")).catch(() => [] as string[]);

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mail-closed-test-"));
    owner = await startEmbeddedOwner(dataDir);
    connection = connectDatabase(owner.url);
    await migrateDatabase(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await owner?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 60_000);
  beforeEach(async () => {
    await connection.pool.query("truncate inquiries, mail_transports");
    await fs.rm(path.join(dataDir, "outbox"), { recursive: true, force: true });
  });

  it("refuses to deliver into the outbox for a public SITE_URL, naming the variable, and leaves the queue", async () => {
    const { inquiry } = await storeInquiry(connection.db, newInquiry());
    const held = await storeInquiry(connection.db, newInquiry({ name: "Maybe Bot" }, "filled in 0.5 s"));

    const delivered = await command({ SITE_URL: "https://coach.example" }, "deliver");
    expect(delivered.code).toBe(1);
    expect(delivered.output).toMatch(
      /error: RESEND_API_KEY is not set but SITE_URL=https:\/\/coach\.example/,
    );
    const retried = await command({ SITE_URL: "https://coach.example" }, "inquiries", "retry", inquiry.id);
    expect(retried.code).toBe(1);
    expect(retried.output).toMatch(/RESEND_API_KEY/);
    const released = await command(
      { SITE_URL: "https://coach.example" },
      "inquiries",
      "release",
      held.inquiry.id,
    );
    expect(released.code).toBe(1);

    expect(await outboxFiles()).toEqual([]);
    expect(await getInquiry(connection.db, inquiry.id)).toMatchObject({ status: "received", attempts: 0 });
    expect(await getInquiry(connection.db, held.inquiry.id)).toMatchObject({ status: "held" });
  });

  it("refuses on a local SITE_URL too once Resend has served the store, unless the owner opts in", async () => {
    const { inquiry } = await storeInquiry(connection.db, newInquiry());
    await recordResendUse(connection.db);

    const refused = await command({}, "deliver");
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/RESEND_API_KEY is not set, but this store's mail goes through Resend/);
    expect(await outboxFiles()).toEqual([]);
    expect(await getInquiry(connection.db, inquiry.id)).toMatchObject({ status: "received" });

    const optedIn = await command({ ALLOW_OUTBOX_IN_PRODUCTION: "1" }, "deliver");
    expect(optedIn.code).toBe(0);
    expect(await getInquiry(connection.db, inquiry.id)).toMatchObject({ status: "delivered" });
  });

  it("records Resend when a process with the key checks, and then refuses one without it", async () => {
    expect(await resendLastUsed(connection.db)).toBeUndefined();
    const resend = parseServerEnv({
      SITE_URL: "https://coach.example",
      RESEND_API_KEY: "re_test",
      MAIL_FROM: "Site <site@coach.example>",
      CONTACT_TO_EMAIL: "coach@coach.example",
      RESEND_SEGMENT_ID: "seg_1",
    });
    await checkMailTransport(connection.db, resend);
    expect(await resendLastUsed(connection.db)).toBeInstanceOf(Date);
    await expect(checkMailTransport(connection.db, parseServerEnv({}))).rejects.toMatchObject({
      name: "EnvError",
      variable: "RESEND_API_KEY",
    });
    await expect(
      checkMailTransport(connection.db, parseServerEnv({ ALLOW_OUTBOX_IN_PRODUCTION: "1" })),
    ).resolves.toBeUndefined();
  });
});
