// @vitest-environment node
import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, SHARED_BUCKET } from "@/lib/forms/client-address";
import { memoryRateLimiter } from "@/lib/forms/rate-limit";
import { waitInWords } from "@/lib/i18n/dictionary";
import { botSignal, FILL_TIME_FIELD, HONEYPOT_FIELD, MIN_FILL_MS } from "@/lib/forms/bot-signals";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

describe("botSignal", () => {
  it("flags a filled honeypot and a too-fast submission", () => {
    expect(botSignal(form({ [HONEYPOT_FIELD]: "https://spam.example" }))).toBe("honeypot");
    expect(botSignal(form({ [FILL_TIME_FIELD]: String(MIN_FILL_MS - 1) }))).toBe("too-fast");
  });

  it("lets people through, including those without JavaScript (no fill time)", () => {
    expect(
      botSignal(
        form({
          [HONEYPOT_FIELD]: "",
          [FILL_TIME_FIELD]: String(MIN_FILL_MS + 1),
        }),
      ),
    ).toBeUndefined();
    expect(botSignal(form({}))).toBeUndefined();
    expect(botSignal(form({ [FILL_TIME_FIELD]: "" }))).toBeUndefined();
  });
});

describe("clientAddress", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("behind one proxy (TRUST_PROXY=1) reads the last X-Forwarded-For entry, and never X-Real-IP", () => {
    const oneHop = { hops: 1 } as const;
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.2" }), oneHop)).toBe("203.0.113.2");
    // A client sending its own X-Real-IP through a proxy that only appends X-Forwarded-For.
    expect(
      clientAddress(headers({ "x-real-ip": "198.51.100.9", "x-forwarded-for": "203.0.113.2" }), oneHop),
    ).toBe("203.0.113.2");
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.1, 203.0.113.2" }), { hops: 2 })).toBe(
      "10.0.0.1",
    );
  });

  it("puts what it cannot trust or read in one shared bucket", () => {
    expect(clientAddress(headers({}), { hops: 1 })).toBe(SHARED_BUCKET);
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.2" }), { hops: 2 })).toBe(SHARED_BUCKET);
    expect(clientAddress(headers({ "x-forwarded-for": "not-an-ip" }), { hops: 1 })).toBe(SHARED_BUCKET);
  });

  it("reads only the header the setting names", () => {
    const both = headers({ "x-real-ip": "198.51.100.9", "x-forwarded-for": "203.0.113.2" });
    expect(clientAddress(both, "x-real-ip")).toBe("198.51.100.9");
    expect(clientAddress(both, "vercel")).toBe("198.51.100.9");
    expect(
      clientAddress(
        headers({ "x-vercel-forwarded-for": "192.0.2.4", "x-real-ip": "198.51.100.9" }),
        "vercel",
      ),
    ).toBe("192.0.2.4");
  });

  it("groups IPv6 clients by /56 (so every /64 of one home counts together) and reads IPv4-mapped addresses as IPv4", () => {
    expect(addressGroup("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1::/56");
    expect(addressGroup("2001:0db8:0001:00ff:ffff:ffff:ffff:ffff")).toBe("2001:db8:1::/56");
    expect(addressGroup("[2001:db8:1:3::1]")).toBe("2001:db8:1::/56");
    expect(addressGroup("2001:db8:1:1ff::1")).toBe("2001:db8:1:100::/56");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });
});

describe("memoryRateLimiter", () => {
  it("allows max attempts per key in the window, then says how long to wait", async () => {
    const limiter = memoryRateLimiter({ max: 2, windowSeconds: 60 });
    expect(await limiter.consume("a")).toEqual({ allowed: true });
    expect(await limiter.consume("a")).toEqual({ allowed: true });
    const refused = await limiter.consume("a");
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(await limiter.consume("b")).toEqual({ allowed: true });
  });
});

describe("waitInWords", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(waitInWords(1, "en")).toBe("1 minute");
    expect(waitInWords(600, "de")).toBe("10 Minuten");
    expect(waitInWords(61, "en")).toBe("2 minutes");
    expect(waitInWords(600, "en")).toBe("10 minutes");
  });
});
