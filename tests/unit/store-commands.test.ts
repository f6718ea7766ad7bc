import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseConnection } from "@/lib/db/client";
import { type EmbeddedOwner } from "@/lib/db/embedded-owner";
import { storeInquiry } from "@/lib/inquiry/store";
import { runCommand, servedDataDir } from "./support/commands";
import { newInquiry } from "./support/inquiry-fixtures";

describe("the coach's commands while the site's owner holds DATA_DIR", () => {
  let dataDir: string;
  let owner: EmbeddedOwner;
  let connection: DatabaseConnection;

  let served: Awaited<ReturnType<typeof servedDataDir>>;
  const command = (script: string, ...args: string[]) => runCommand(dataDir, script, args);

  beforeAll(async () => {
    served = await servedDataDir("commands-test-");
    ({ dataDir, owner, connection } = served);
  }, 120_000);
  afterAll(() => served?.close(), 60_000);

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
