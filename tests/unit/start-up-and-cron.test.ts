// @vitest-environment node
import { describe, expect, it } from "vitest";
import { isPublicOrigin, mailConfigurationProblem, parseServerEnv } from "@/lib/config/env";
import { cronAuthorized } from "@/lib/server/cron";

describe("start-up without email", () => {
  it("works on a laptop with no variables at all", () => {
    expect(mailConfigurationProblem(parseServerEnv({}))).toBeUndefined();
    expect(mailConfigurationProblem(parseServerEnv({ SITE_URL: "http://127.0.0.1:3100" }))).toBeUndefined();
  });

  it("refuses a public site without RESEND_API_KEY, naming the variables, unless the owner opts in", () => {
    const problem = mailConfigurationProblem(
      parseServerEnv({ SITE_URL: "https://www.example.com", NODE_ENV: "production" }),
    );
    expect(problem).toMatch(/RESEND_API_KEY is not set/);
    expect(problem).toMatch(/ALLOW_OUTBOX_IN_PRODUCTION=1/);
    expect(
      mailConfigurationProblem(
        parseServerEnv({ SITE_URL: "https://www.example.com", ALLOW_OUTBOX_IN_PRODUCTION: "1" }),
      ),
    ).toBeUndefined();
  });

  it("tells public origins from this machine", () => {
    expect(isPublicOrigin("http://localhost:3000")).toBe(false);
    expect(isPublicOrigin("http://site.localhost")).toBe(false);
    expect(isPublicOrigin("https://coach.example")).toBe(true);
  });
});

describe("the cron route's token", () => {
  const secret = "a-cron-secret-of-some-length";
  it("accepts exactly the bearer token", () => {
    expect(cronAuthorized(`Bearer ${secret}`, secret)).toBe(true);
    expect(cronAuthorized(`Bearer ${secret}x`, secret)).toBe(false);
    expect(cronAuthorized(null, secret)).toBe(false);
  });
  it("refuses everyone when CRON_SECRET is unset", () => {
    expect(cronAuthorized("Bearer ", undefined)).toBe(false);
    expect(cronAuthorized("Bearer undefined", undefined)).toBe(false);
  });
});
