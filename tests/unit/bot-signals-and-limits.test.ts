// @vitest-environment node
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/forms/client-address";
import { memoryRateLimiter, waitInWords } from "@/lib/forms/rate-limit";
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
  it("prefers X-Real-IP, then the last X-Forwarded-For entry (the one our proxy added)", () => {
    expect(
      clientAddress(
        new Headers({
          "x-real-ip": "203.0.113.1",
          "x-forwarded-for": "1.1.1.1",
        }),
      ),
    ).toBe("203.0.113.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.2" }))).toBe("203.0.113.2");
    expect(clientAddress(new Headers())).toBe("unknown");
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
    expect(waitInWords(1)).toBe("1 minute");
    expect(waitInWords(61)).toBe("2 minutes");
    expect(waitInWords(600)).toBe("10 minutes");
  });
});
