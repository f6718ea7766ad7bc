import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts attempts per key in a fixed window: in Postgres when the site has a database
 * (lib/forms/database-rate-limit.ts, shared by every instance), in memory otherwise.
 */
export interface RateLimiter {
  consume(key: string): Promise<RateLimitResult>;
  /** Gives back an attempt that failed on our side (the email service was down, say). */
  refund(key: string): Promise<void>;
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
    async refund(key) {
      await limiter.reward(key, 1);
    },
  };
}

/** How long to wait, in words, for a refused attempt: "1 minute", "10 minutes". */
export function waitInWords(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
