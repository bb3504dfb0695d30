import type { Redis } from 'ioredis';

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Fixed one-minute windows per identity (API key, user or IP). */
export interface RateLimiter {
  hit(identity: string): Promise<RateLimitDecision>;
}

const WINDOW_MS = 60_000;

export function memoryRateLimiter(limitPerMinute: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(identity) {
      const at = now();
      if (windows.size > 10_000) {
        for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
      }
      let window = windows.get(identity);
      if (!window || window.resetAt <= at) {
        window = { count: 0, resetAt: at + WINDOW_MS };
        windows.set(identity, window);
      }
      window.count += 1;
      return { allowed: window.count <= limitPerMinute, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - at) / 1000)) };
    },
  };
}

// INCR and the expiry in one step, so a crash between them cannot leave a window that never ends.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Shared across replicas. If Redis cannot answer, requests are let through rather than refused. */
export function redisRateLimiter(redis: Redis, limitPerMinute: number, onError: (error: Error) => void): RateLimiter {
  return {
    async hit(identity) {
      try {
        const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `ratelimit:${identity}`, WINDOW_MS)) as [number, number];
        return { allowed: count <= limitPerMinute, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
      } catch (error) {
        onError(error as Error);
        return { allowed: true, retryAfterSeconds: 0 };
      }
    },
  };
}
