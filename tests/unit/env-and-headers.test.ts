import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "@/lib/config/env";
import { contentSecurityPolicy, securityHeaders } from "@/lib/config/security-headers";
import { thrownMessage } from "./support/thrown-message";

const resend = {
  SITE_URL: "https://coaching.example",
  RESEND_API_KEY: "re_123",
  MAIL_FROM: "Alex Brandt Coaching <website@mail.example.com>",
  CONTACT_TO_EMAIL: "coach@example.com",
  RESEND_SEGMENT_ID: "seg_1",
};

const envError = (source: Record<string, string>) => thrownMessage(() => parseServerEnv(source), EnvError);

describe("parseServerEnv", () => {
  it("runs with nothing set: local outbox, localhost, default limits", () => {
    const env = parseServerEnv({});
    expect(env.siteUrl).toBe("http://localhost:3000");
    expect(env.mail).toMatchObject({ transport: "outbox", outboxDir: ".outbox" });
    expect(env.rateLimit).toEqual({ max: 5, windowSeconds: 600 });
    // No proxy unless one is declared: the socket's address, never a header the client wrote.
    expect(env.trustProxy).toBe("none");
    expect(env.emailCaps).toEqual({ confirmationsPerAddress: 2, receiptsPerAddress: 3, dailyTotal: 200 });
    expect(env.webhookSecret).toBeUndefined();
  });

  it("reads which proxy to trust: a number of hops or a named proxy", () => {
    expect(parseServerEnv({ TRUST_PROXY: "2" }).trustProxy).toEqual({ hops: 2 });
    for (const named of ["vercel", "x-real-ip", "none"] as const) {
      expect(parseServerEnv({ TRUST_PROXY: named }).trustProxy).toBe(named);
    }
  });

  it("uses Resend when the key and its companions are set; empty strings count as unset", () => {
    expect(parseServerEnv(resend).mail).toMatchObject({
      transport: "resend",
      to: "coach@example.com",
      segmentId: "seg_1",
    });
    expect(parseServerEnv({ RESEND_API_KEY: "", SITE_URL: "" }).mail.transport).toBe("outbox");
  });

  it("lists every variable Resend still needs, in one message", () => {
    const message = envError({ RESEND_API_KEY: "re_123" });
    for (const name of ["SITE_URL", "MAIL_FROM", "CONTACT_TO_EMAIL", "RESEND_SEGMENT_ID"]) {
      expect(message).toContain(`${name} is required when RESEND_API_KEY is set`);
    }
  });

  it("rejects bad values with the variable's name", () => {
    expect(envError({ SITE_URL: "coaching.example" })).toContain("SITE_URL");
    expect(envError({ ...resend, RESEND_WEBHOOK_SECRET: "not-a-whsec" })).toContain("RESEND_WEBHOOK_SECRET");
    expect(envError({ TRUST_PROXY: "x-forwarded-for" })).toContain("TRUST_PROXY");
    expect(envError({ TRUST_PROXY: "0" })).toContain("TRUST_PROXY");
    expect(envError({ EMAIL_DAILY_CAP: "0" })).toContain("EMAIL_DAILY_CAP");
    expect(envError({ ...resend, MAIL_FROM: "not an address" })).toContain("MAIL_FROM");
    expect(envError({ RATE_LIMIT_MAX: "0" })).toContain("RATE_LIMIT_MAX");
    expect(envError({ RATE_LIMIT_WINDOW_SECONDS: "-5" })).toContain("RATE_LIMIT_WINDOW_SECONDS");
  });

  it("accepts a bare sender address, strips a trailing slash and coerces numbers", () => {
    const env = parseServerEnv({
      ...resend,
      MAIL_FROM: "website@mail.example.com",
      SITE_URL: "https://x.example/",
      RATE_LIMIT_MAX: "9",
    });
    expect(env.mail.from).toBe("website@mail.example.com");
    expect(env.siteUrl).toBe("https://x.example");
    expect(env.rateLimit.max).toBe(9);
  });
});

describe("security headers", () => {
  it("lock the CSP down everywhere but inline scripts, which static pages need", () => {
    const csp = contentSecurityPolicy({ development: false });
    for (const directive of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
  });

  it("send HSTS in production only, and the other headers always", () => {
    const names = (production: boolean) => securityHeaders({ production }).map((header) => header.key);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(false)).toEqual(
      expect.arrayContaining([
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Referrer-Policy",
        "Permissions-Policy",
      ]),
    );
  });
});
