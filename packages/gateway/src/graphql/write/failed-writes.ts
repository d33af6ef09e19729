import type pg from "pg";
import { createPostgresRateLimiter } from "../../http/rate-limiter.js";

/**
 * Refused writes counted per principal in PostgreSQL's `rate_limit` table, so every gateway process
 * shares one count: a principal past its limit may not write until the window ends.
 */
export interface FailedWriteLimit {
  /** Refused writes allowed per principal and window. */
  readonly limit: number;
  /** Seconds until the principal may write again, or null when it may write now. */
  wait(principalId: string): Promise<number | null>;
  /** Counts one refused write of the principal. */
  count(principalId: string): Promise<void>;
}

const KEY_PREFIX = "writefail";

/** A limit of `perHour` refused writes per principal, counted in PostgreSQL. */
export function createFailedWriteLimit(pool: pg.Pool, perHour: number): FailedWriteLimit {
  const counter = createPostgresRateLimiter(pool, {
    keyPrefix: KEY_PREFIX,
    points: perHour,
    durationSeconds: 3600,
  });
  return {
    limit: perHour,
    async wait(principalId) {
      const now = Date.now();
      const r = await pool.query<{ points: number; expire: string }>(
        "select points, expire from rate_limit where key = $1 and expire > $2",
        [counter.counter.rowKey(principalId), now],
      );
      const row = r.rows[0];
      if (!row || Number(row.points) < perHour) return null;
      return Math.max(1, Math.ceil((Number(row.expire) - now) / 1000));
    },
    async count(principalId) {
      await counter.consume(principalId);
    },
  };
}
