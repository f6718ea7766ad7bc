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
  /** How many attempts the key has used in its current window, without counting one. */
  used(key: string): Promise<number>;
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
    async used(key) {
      return (await limiter.get(key))?.consumedPoints ?? 0;
    },
  };
}
