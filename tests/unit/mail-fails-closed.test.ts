// Mail fails closed: a command run in a shell without the site's RESEND_API_KEY must not empty
// the queue into the outbox (and mark it delivered) when the site is public or sends through
// Resend. The commands run as separate processes, as the coach runs them beside the site.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isPublicOrigin, mailConfigurationProblem, parseServerEnv } from "@/lib/config/env";
import { type DatabaseConnection } from "@/lib/db/client";
import { getInquiry, storeInquiry } from "@/lib/inquiry/store";
import { checkMailTransport, recordResendUse, resendLastUsed } from "@/lib/server/mail-guard";
import { runCommand, servedDataDir } from "./support/commands";
import { newInquiry } from "./support/inquiry-fixtures";

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
  let connection: DatabaseConnection;

  const command = (env: Record<string, string>, script: string, ...args: string[]) =>
    runCommand(dataDir, script, args, env);
  const outboxFiles = () => fs.readdir(path.join(dataDir, "outbox")).catch(() => [] as string[]);

  let served: Awaited<ReturnType<typeof servedDataDir>>;
  beforeAll(async () => {
    served = await servedDataDir("mail-closed-test-");
    ({ dataDir, connection } = served);
  });
  afterAll(() => served?.close(), 60_000);
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
