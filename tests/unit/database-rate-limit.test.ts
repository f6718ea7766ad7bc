import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { databaseRateLimiter } from "@/lib/forms/database-rate-limit";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

describe.each(backends)("the rate limit in Postgres on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);

  it("counts per key across instances, refunds, and never stores the address", async () => {
    const options = { max: 2, windowSeconds: 600 };
    const one = databaseRateLimiter(async () => db, options);
    const two = databaseRateLimiter(async () => database.connect().db, options);
    const key = "inquiry:203.0.113.5";
    expect(await one.consume(key)).toEqual({ allowed: true });
    expect(await two.consume(key)).toEqual({ allowed: true });
    const refused = await one.consume(key);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(500);
    await two.refund(key);
    await two.refund(key);
    expect(await one.consume(key)).toEqual({ allowed: true });
    expect(await one.consume("inquiry:198.51.100.1")).toEqual({ allowed: true });

    const { rows } = await database.connect().pool.query<{ key: string }>("select key from rate_limits");
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key).not.toContain("203.0.113");
    }
  });

  it("starts a new window once the old one has expired", async () => {
    const limiter = databaseRateLimiter(async () => db, { max: 1, windowSeconds: 1 });
    expect(await limiter.consume("newsletter:192.0.2.1")).toEqual({ allowed: true });
    expect(await limiter.consume("newsletter:192.0.2.1")).toMatchObject({ allowed: false });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await limiter.consume("newsletter:192.0.2.1")).toEqual({ allowed: true });
  });
});
