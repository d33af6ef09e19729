import type pg from "pg";
import type { RequestCounter } from "../auth/api-keys.js";
import type { Principal } from "../auth/principal.js";

/** Counts requests per key in a fixed window: `consume` answers null when allowed, else the seconds to wait. */
export interface RateLimiter {
  consume(key: string): Promise<number | null>;
  /**
   * The answer of a count already taken for this principal by the statement that authenticated it
   * (see `PostgresRateLimiter.counter`), once; undefined when none was taken.
   */
  takeCounted?(principal: Principal): number | null | undefined;
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

/** A rate limiter on PostgreSQL whose count can also ride in another statement. */
export interface PostgresRateLimiter extends RateLimiter {
  readonly counter: RequestCounter;
}

/** Expired rows are deleted at most this often per limiter. */
const CLEANUP_EVERY_MS = 5 * 60_000;

/**
 * One request counted in the `rate_limit` table (key, points used, window end in ms): a new or
 * expired window restarts at 1, else the count goes up by one, atomically for every gateway process.
 */
function upsertSql(source: string, nowParam: string): string {
  const expired = `rate_limit.expire is null or rate_limit.expire <= ${nowParam}`;
  return `insert into rate_limit (key, points, expire) ${source}
  on conflict (key) do update set
    points = case when ${expired} then 1 else rate_limit.points + 1 end,
    expire = case when ${expired} then excluded.expire else rate_limit.expire end
  returning points, expire`;
}

/** A rate limiter whose counters live in PostgreSQL's `rate_limit` table, shared by every gateway process. */
export function createPostgresRateLimiter(
  pool: pg.Pool,
  options: PostgresRateLimiterOptions,
): PostgresRateLimiter {
  const windowMs = (options.durationSeconds ?? 60) * 1000;
  const counted = new WeakMap<Principal, number | null>();
  let nextCleanup = Date.now() + CLEANUP_EVERY_MS;
  const waitAfter = (points: number, expire: number, now: number) =>
    points > options.points ? Math.max(1, Math.ceil((expire - now) / 1000)) : null;
  const counter: RequestCounter = {
    rowKey: (id) => `${options.keyPrefix}:${id}`,
    windowEnd: (now) => now + windowMs,
    upsertSql,
    record: (principal, points, expire, now) => counted.set(principal, waitAfter(points, expire, now)),
  };
  return {
    counter,
    async consume(key) {
      const now = Date.now();
      if (now > nextCleanup) {
        nextCleanup = now + CLEANUP_EVERY_MS;
        pool.query("delete from rate_limit where expire < $1", [now]).catch(() => undefined);
      }
      const r = await pool.query<{ points: number; expire: number }>(
        upsertSql("select $1::varchar, 1, $3::bigint", "$2"),
        [counter.rowKey(key), now, counter.windowEnd(now)],
      );
      const row = r.rows[0]!;
      return waitAfter(Number(row.points), Number(row.expire), now);
    },
    takeCounted(principal) {
      const wait = counted.get(principal);
      counted.delete(principal);
      return wait;
    },
  };
}
