import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts attempts per key in a fixed window. The default lives in this process's memory,
 * which is right for `next start` on one machine; on serverless hosts, where instances come
 * and go, implement this with a shared store (rate-limiter-flexible ships Redis, Postgres and
 * others behind the same consume() call).
 */
export interface RateLimiter {
  consume(key: string): Promise<RateLimitResult>;
}

export function memoryRateLimiter(options: { max: number; windowSeconds: number }): RateLimiter {
  const limiter = new RateLimiterMemory({
    points: options.max,
    duration: options.windowSeconds,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          allowed: false,
          retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000),
        };
      }
    },
  };
}

/** How long to wait, in words, for a refused attempt: "1 minute", "10 minutes". */
export function waitInWords(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
