// @vitest-environment node
// Anonymous callers get bounded database work: the confirm button and /api/health are limited
// per client address, and the public health answer says only whether the site is ok.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailCaps } from "@/lib/forms/email-caps";
import { memoryRateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { confirmSubmission } from "@/lib/newsletter/confirm-submission";
import { healthAnswer, healthRateLimit } from "@/lib/server/health";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

const cronSecret = "a-cron-secret-for-the-health-test";
let database: TestDatabase;
let outbox: string;

beforeAll(async () => {
  database = await createTestDatabase("pglite");
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), "health-outbox-"));
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("OUTBOX_DIR", outbox);
  vi.stubEnv("CRON_SECRET", cronSecret);
  vi.stubEnv("RESEND_API_KEY", "");
});
afterAll(async () => {
  await database?.close();
  await fs.rm(outbox, { recursive: true, force: true });
});
beforeEach(() => database.truncate());

describe("GET /api/health", () => {
  const ask = (address: string, authorization: string | null = null) =>
    healthAnswer({ authorization, clientAddress: async () => address });

  it("tells anyone only whether the site is ok", async () => {
    const answer = await ask("203.0.113.1");
    expect(answer).toEqual({ status: 200, body: { ok: true } });
  });

  it("gives the counts only with the CRON_SECRET token", async () => {
    const answer = await ask("203.0.113.2", `Bearer ${cronSecret}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ok: true,
      store: { ready: true, undelivered: { received: 0, retrying: 0, failed: 0 } },
      mail: { transport: "outbox", ready: true },
      newsletter: { contactsNotInResend: { retrying: 0, failed: 0 } },
    });
    expect((await ask("203.0.113.2", `Bearer ${cronSecret}x`)).body).toEqual({ ok: true });
  });

  it("limits anonymous calls per client address, not the operator's", async () => {
    for (let call = 0; call < healthRateLimit.max; call += 1) {
      expect((await ask("198.51.100.7")).status).toBe(200);
    }
    const refused = await ask("198.51.100.7");
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    expect(refused.body).not.toHaveProperty("ok");
    expect((await ask("198.51.100.8")).status).toBe(200);
    expect((await ask("198.51.100.7", `Bearer ${cronSecret}`)).status).toBe(200);
  });
});

describe("the confirm button", () => {
  const services = (): FormServices => ({
    mailer: {
      send: async () => ({ id: "1" }),
      subscribe: async () => {},
      removeContact: async () => {},
      findContact: async () => undefined,
    },
    rateLimiter: memoryRateLimiter({ max: 5, windowSeconds: 600 }),
    emailCaps: emailCaps(memoryRateLimiter, {
      confirmationsPerAddress: 2,
      receiptsPerAddress: 3,
      dailyTotal: 200,
    }),
    clientAddress: "203.0.113.50",
    defer: (work) => void work(),
  });
  const press = (shared: FormServices, token: string) => {
    const form = new FormData();
    form.set("token", token);
    return submitForm(confirmSubmission, form, shared);
  };

  it("is limited per client address before any token is looked up", async () => {
    const shared = services();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await press(shared, `made-up-token-${attempt}`)).status).toBe("invalid");
    }
    const refused = await press(shared, "made-up-token-6");
    expect(refused).toMatchObject({
      status: "error",
      message: expect.stringContaining("try again in 10 minutes"),
    });
    // Another network is not held back by this one.
    expect((await press({ ...shared, clientAddress: "203.0.113.51" }, "made-up-token-7")).status).toBe(
      "invalid",
    );
  });
});
