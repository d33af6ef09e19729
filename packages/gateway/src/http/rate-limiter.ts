import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/** Counts requests per key in a fixed window: `consume` answers null when allowed, else the seconds to wait. */
export interface RateLimiter {
  consume(key: string): Promise<number | null>;
}

/** Options of `createPostgresRateLimiter`. */
export interface PostgresRateLimiterOptions {
  /** Separates the counters of one limiter from another's in the shared table. */
  readonly keyPrefix: string;
  /** Requests allowed per key and window. */
  readonly points: number;
  /** The window in seconds. Default 60. */
  readonly durationSeconds?: number;
}

/** A rate limiter whose counters live in PostgreSQL's `rate_limit` table, shared by every gateway process. */
export function createPostgresRateLimiter(pool: pg.Pool, options: PostgresRateLimiterOptions): RateLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds ?? 60,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      }
    },
  };
}
