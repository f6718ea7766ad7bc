// `npm run newsletter:import` as the coach runs it, against the fake Resend: an address Resend
// knows as unsubscribed stays unsubscribed, and the output says so on its line.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseConnection } from "@/lib/db/client";
import { subscribers } from "@/lib/db/schema";
// @ts-expect-error: a plain .mjs test fixture without type declarations
import { createFakeResend } from "../fixtures/fake-resend-server.mjs";
import { servedDataDir } from "./support/commands";

const run = promisify(execFile);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

type FakeContact = { email: string; unsubscribed: boolean; segments: string[] };
const fake: {
  listen(port: number): Promise<{ port: number }>;
  close(): Promise<void>;
  state: { contacts: Map<string, FakeContact> };
} = createFakeResend();

describe("npm run newsletter:import with Resend", () => {
  let dataDir: string;
  let connection: DatabaseConnection;
  let baseUrl: string;

  let served: Awaited<ReturnType<typeof servedDataDir>>;
  beforeAll(async () => {
    baseUrl = `http://127.0.0.1:${(await fake.listen(0)).port}`;
    served = await servedDataDir("import-command-test-");
    ({ dataDir, connection } = served);
  });
  afterAll(async () => {
    await served?.close();
    await fake.close();
  }, 60_000);

  it("leaves a contact Resend knows as unsubscribed unsubscribed, and says so on its line", async () => {
    // Ada left through a broadcast's unsubscribe link; the coach's old list still has her.
    await fetch(`${baseUrl}/__contacts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com", unsubscribed: true, segments: ["seg_import"] }),
    });
    const file = path.join(dataDir, "old-list.csv");
    await fs.writeFile(
      file,
      [
        "email,first name,subscribed at,source",
        "grace@example.com,Grace,2025-04-02,Old form",
        "ada@example.com,Ada,2025-03-01,Conference signup sheet",
      ].join("\n"),
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      SITE_URL: "https://coach.example",
      RESEND_API_KEY: "re_test_import",
      RESEND_BASE_URL: baseUrl,
      MAIL_FROM: "Coach <news@coach.example>",
      CONTACT_TO_EMAIL: "coach@coach.example",
      RESEND_SEGMENT_ID: "seg_import",
    };
    delete env.DATABASE_URL;
    const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
    const { stdout } = await run(
      tsx,
      ["--import", "./scripts/cli/outside-next.mjs", "scripts/cli/newsletter-import.ts", file],
      { env },
    );

    expect(stdout).toMatch(/^3\s+ada@example\.com\s+unsubscribed in Resend: kept out$/m);
    expect(stdout).toMatch(/imported:\s+1\n/);
    expect(fake.state.contacts.get("ada@example.com")).toMatchObject({ unsubscribed: true });
    expect(fake.state.contacts.get("grace@example.com")).toMatchObject({
      unsubscribed: false,
      segments: ["seg_import"],
    });
    const [ada] = await connection.db
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, "ada@example.com"));
    expect(ada).toMatchObject({ status: "unsubscribed" });
  });
});
