// @vitest-environment node
// A failed query's message carries its parameters (drizzle puts them in: names, addresses,
// messages). When the store refuses a write, the log says which error and which row, never what
// the person typed.
import { format } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FILL_TIME_FIELD } from "@/lib/forms/bot-signals";
import { emailCaps } from "@/lib/forms/email-caps";
import { memoryRateLimiter } from "@/lib/forms/rate-limit";
import { submitForm, type FormServices } from "@/lib/forms/submit-form";
import { describeDbError, isDatabaseError } from "@/lib/db/log-error";
import { subscribers } from "@/lib/db/schema";
import { inquirySubmission } from "@/lib/inquiry/submission";
import { startMaintenanceTimer } from "@/lib/jobs/timer";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });
vi.stubEnv("BOOKING_URL", "");

const typed = {
  name: "Hedwig Kiesler-Markey",
  email: "hedy.lamarr@example.com",
  company: "Frequency Hopping Ltd",
  role: "CTO",
  message: "I would like to talk about spread spectrum and my first months as CTO.",
};

let database: TestDatabase;
let pool: ReturnType<TestDatabase["connect"]>["pool"];
let logged: string[];
beforeAll(async () => {
  database = await createTestDatabase("pglite");
  pool = database.connect().pool;
  vi.stubEnv("DATABASE_URL", database.url);
});
afterAll(() => database?.close());
beforeEach(async () => {
  await database.truncate();
  logged = [];
  for (const level of ["error", "warn", "info", "log", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await pool.query("alter table inquiries drop constraint if exists refuse_every_row");
  await pool.query("drop trigger if exists refuse_updates on subscribers");
});

describe("the logs when a query fails", () => {
  it("name the error's code, not the inquiry's name, address or message (the form pipeline)", async () => {
    await pool.query("alter table inquiries add constraint refuse_every_row check (false) not valid");
    const form = new FormData();
    for (const [key, value] of Object.entries({ [FILL_TIME_FIELD]: "60000", ...typed })) form.set(key, value);
    const services: FormServices = {
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
      clientAddress: "203.0.113.60",
      defer: (work) => void work(),
    };

    const state = await submitForm(inquirySubmission, form, services);
    expect(state).toMatchObject({ status: "error", values: { name: typed.name } });

    const text = logged.join("\n");
    expect(text).toMatch(/\[inquiry\] failed: .*SQLSTATE 23514 refuse_every_row/);
    for (const value of [
      typed.name,
      typed.email,
      "Hedwig",
      "hedy.lamarr",
      "spread spectrum",
      typed.company,
    ]) {
      expect(text).not.toContain(value);
    }
  });

  it("name the error's code, not the subscriber's address (the worker)", async () => {
    const now = new Date();
    const db = database.connect().db;
    await db.insert(subscribers).values({
      email: typed.email,
      status: "confirmed",
      createdAt: now,
      updatedAt: now,
      confirmedAt: now,
      contactSync: "pending",
    });
    await pool.query(`
      create or replace function refuse_update() returns trigger language plpgsql as
        $$ begin raise exception 'refused: %', new.email; end $$`);
    await pool.query(
      "create trigger refuse_updates before update on subscribers for each row execute function refuse_update()",
    );
    const stop = startMaintenanceTimer(
      async () => db,
      () => ({ send: async () => ({ id: "1" }) }),
      { intervalMs: 50, deadlineMs: 2_000, contacts: { subscribe: async () => {} } },
    );
    try {
      await expect.poll(() => logged.join("\n"), { timeout: 10_000 }).toMatch(/maintenance pass failed/);
    } finally {
      await stop();
    }
    const text = logged.join("\n");
    expect(text).toMatch(/SQLSTATE P0001/);
    expect(text).not.toContain(typed.email);
    expect(text).not.toContain("hedy.lamarr");
  });
});

describe("describeDbError", () => {
  it("keeps the class and codes of each error in the chain, no message", () => {
    const pgError = Object.assign(new Error("duplicate key value: Key (email)=(a@b.example) exists"), {
      name: "error",
      code: "23505",
      constraint: "subscribers_pkey",
    });
    const drizzle = Object.assign(new Error("Failed query: insert ...\nparams: a@b.example,Ada"), {
      query: "insert ...",
      params: ["a@b.example", "Ada"],
      cause: pgError,
    });
    expect(isDatabaseError(drizzle)).toBe(true);
    expect(describeDbError(drizzle)).toBe("DrizzleQueryError < Error SQLSTATE 23505 subscribers_pkey");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(describeDbError(Object.assign(new Error("wrapped"), { cause: refused }))).toBe("Error: wrapped");
    expect(describeDbError(Object.assign(new Error("store"), { cause: drizzle }))).toBe(
      "Error < DrizzleQueryError < Error SQLSTATE 23505 subscribers_pkey",
    );
    expect(isDatabaseError(new TypeError("a bug"))).toBe(false);
    expect(describeDbError(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
  });
});
