import { describe, expect, it } from "vitest";
import {
  signSignupToken,
  TOKEN_LIFETIME_SECONDS,
  verifySignupToken,
} from "@/lib/newsletter/confirmation-token";

const secret = "unit-test-secret-0123456789abcdefghijklmnop";
const claims = {
  email: "Grace@Example.com",
  firstName: "Grace",
  source: "site-band" as const,
};
const now = Date.UTC(2026, 10, 24, 12, 30);

const decode = (token: string) =>
  token
    .split(".")
    .map((segment) => Buffer.from(segment, "base64url").toString("hex"))
    .join(".");

describe("newsletter confirmation tokens", () => {
  it("round-trip the address (lower-cased), first name and source", async () => {
    const { token, expiresAt } = await signSignupToken(claims, secret, now);
    const check = await verifySignupToken(token, secret, now);
    expect(check).toEqual({
      valid: true,
      email: "grace@example.com",
      firstName: "Grace",
      source: "site-band",
      expiresAt,
    });
  });

  it("expire after the lifetime, rounded up to the hour", async () => {
    const { token, expiresAt } = await signSignupToken(claims, secret, now);
    expect(expiresAt.getTime()).toBe(Date.UTC(2026, 11, 1, 13, 0));
    expect(expiresAt.getTime() - now).toBeGreaterThanOrEqual(TOKEN_LIFETIME_SECONDS * 1000);
    expect(await verifySignupToken(token, secret, expiresAt.getTime() - 1000)).toMatchObject({ valid: true });
    expect(await verifySignupToken(token, secret, expiresAt.getTime() + 1000)).toEqual({
      valid: false,
      reason: "expired",
    });
  });

  it("are identical for the same signup within the hour, so a double submit sends one email", async () => {
    const first = await signSignupToken(claims, secret, now);
    const second = await signSignupToken(claims, secret, now + 10 * 60 * 1000);
    expect(second.token).toBe(first.token);
  });

  it("fail with a wrong secret", async () => {
    const { token } = await signSignupToken(claims, secret, now);
    expect(await verifySignupToken(token, `${secret}x`, now)).toEqual({
      valid: false,
      reason: "invalid",
    });
  });

  it("fail when any single character is changed", async () => {
    const { token } = await signSignupToken(claims, secret, now);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let index = 0; index < token.length; index++) {
      if (token[index] === ".") continue;
      const replacement = alphabet[(alphabet.indexOf(token[index]!) + 1) % alphabet.length];
      const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
      const check = await verifySignupToken(tampered, secret, now);
      // The last character of a base64url segment carries spare bits: changing only those
      // leaves the bytes, and so the token, the same. Any change to the bytes must fail.
      if (check.valid) expect(decode(tampered)).toBe(decode(token));
      else expect(check.reason).toBe("invalid");
    }
  });

  it("refuse a forged payload with the original signature, and an unsigned token", async () => {
    const { token } = await signSignupToken(claims, secret, now);
    const [header, payload, signature] = token.split(".");
    const forged = {
      ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
      email: "victim@example.com",
    };
    const tampered = [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join(".");
    expect(await verifySignupToken(tampered, secret, now)).toEqual({
      valid: false,
      reason: "invalid",
    });

    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    expect(await verifySignupToken(`${none}.${payload}.`, secret, now)).toEqual({
      valid: false,
      reason: "invalid",
    });
    expect(await verifySignupToken("", secret, now)).toEqual({
      valid: false,
      reason: "invalid",
    });
    expect(await verifySignupToken("a.b.c", secret, now)).toEqual({
      valid: false,
      reason: "invalid",
    });
  });
});
