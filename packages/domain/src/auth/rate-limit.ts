import { getDb } from "../db/client.ts";

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for `key` in a fixed window stored in PostgreSQL, so the limit holds across
 * every app process. The upsert is atomic: concurrent attempts are all counted.
 */
export async function consumeRateLimit(
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= rule.limit, remaining: Math.max(0, rule.limit - count), retryAfterSeconds };
}

/** Clears a subject's counter after a successful sign-in. */
export async function resetRateLimit(key: string): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { key } });
}

/** Housekeeping for the worker: windows that ended long ago. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const { count } = await getDb().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
