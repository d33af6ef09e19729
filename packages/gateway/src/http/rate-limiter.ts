import type pg from "pg";
import type { RequestCounter } from "../auth/api-keys.js";
import type { Principal } from "../auth/principal.js";
import { requestSlot } from "./request-slot.js";

/** Counts requests per key in a fixed window: `consume` answers null when allowed, else the seconds to wait. */
export interface RateLimiter {
  consume(key: string): Promise<number | null>;
  /**
   * The answer of a count already taken for this principal by the statement that authenticated it
   * (see `PostgresRateLimiter.counter`), once; undefined when none was taken.
   */
  takeCounted?(principal: Principal): number | null | undefined;
  /**
   * `consume` decided from this process's memory when it can be (a leased block not yet spent, or
   * spent with nothing left to lease): null admitted, else the seconds to wait; undefined when it
   * takes a statement (then call `consume`).
   */
  consumeNow?(key: string): number | null | undefined;
}

/** Options of `createPostgresRateLimiter`. */
export interface PostgresRateLimiterOptions {
  /** Separates the counters of one limiter from another's in the shared table. */
  readonly keyPrefix: string;
  /** Requests allowed per key and window. */
  readonly points: number;
  /** The window in seconds. Default 60. */
  readonly durationSeconds?: number;
  /**
   * Count in blocks leased from PostgreSQL, at most this many requests each (default 1: every request
   * is a statement). See `leasedConsume`.
   */
  readonly lease?: number;
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

/** Requests this process may still admit for one key until `expire`, leased from the shared count. */
interface Budget {
  tokens: number;
  expire: number;
  /** The shared count had nothing left to lease: refuse locally until `expire`. */
  exhausted: boolean;
  leasing: Promise<void> | null;
}

/** Budgets kept before expired ones are swept. */
const SWEEP_AT = 1000;

/**
 * Counting in leased blocks: a process takes up to `block` requests of a key's window at once from
 * the shared row (one UPSERT adding `block`), admits them from memory, and leases again when they
 * are spent. A lease grants only what is left under the limit, so every process together never
 * admits more than `points` per window; a process may refuse while another still holds unspent
 * requests (at most a block each), and unspent requests of a stopped process are lost for the window.
 */
function leasedConsume(
  pool: pg.Pool,
  options: PostgresRateLimiterOptions,
  windowMs: number,
  rowKey: (key: string) => string,
): { now(key: string): number | null | undefined; consume(key: string): Promise<number | null> } {
  const block = Math.max(1, Math.min(options.lease ?? 1, Math.floor(options.points / 64)));
  const budgets = new Map<string, Budget>();
  const lease = async (key: string, budget: Budget) => {
    const now = Date.now();
    if (budgets.size > SWEEP_AT)
      for (const [k, b] of budgets) if (b.expire <= now && !b.leasing) budgets.delete(k);
    const r = await pool.query<{ points: number; expire: number }>({
      name: "fupin_rate_lease",
      text: `insert into rate_limit (key, points, expire) select $1::varchar, $4::int, $3::bigint
  on conflict (key) do update set
    points = case when rate_limit.expire is null or rate_limit.expire <= $2 then $4::int else rate_limit.points + $4::int end,
    expire = case when rate_limit.expire is null or rate_limit.expire <= $2 then excluded.expire else rate_limit.expire end
  returning points, expire`,
      values: [rowKey(key), now, now + windowMs, block],
    });
    const points = Number(r.rows[0]!.points);
    budget.expire = Number(r.rows[0]!.expire);
    budget.tokens = Math.max(0, Math.min(block, options.points - (points - block)));
    budget.exhausted = budget.tokens === 0;
  };
  /** The answer from the budget alone; undefined while it leases or when it must lease. */
  const fromBudget = (budget: Budget): number | null | undefined => {
    if (budget.leasing) return undefined;
    const now = Date.now();
    if (budget.expire > now && budget.tokens > 0) {
      budget.tokens--;
      return null;
    }
    if (budget.expire > now && budget.exhausted) return Math.max(1, Math.ceil((budget.expire - now) / 1000));
    return undefined;
  };
  return {
    now(key) {
      const budget = budgets.get(key);
      return budget ? fromBudget(budget) : undefined;
    },
    async consume(key) {
      for (;;) {
        let budget = budgets.get(key);
        if (!budget) {
          budget = { tokens: 0, expire: 0, exhausted: false, leasing: null };
          budgets.set(key, budget);
        }
        if (budget.leasing) {
          await budget.leasing;
          continue;
        }
        const answer = fromBudget(budget);
        if (answer !== undefined) return answer;
        const b = budget;
        b.leasing = lease(key, b).finally(() => {
          b.leasing = null;
        });
        await b.leasing;
      }
    },
  };
}

/** A rate limiter whose counters live in PostgreSQL's `rate_limit` table, shared by every gateway process. */
export function createPostgresRateLimiter(
  pool: pg.Pool,
  options: PostgresRateLimiterOptions,
): PostgresRateLimiter {
  const windowMs = (options.durationSeconds ?? 60) * 1000;
  const counted = requestSlot<Principal, number | null>("fupin.counted");
  let nextCleanup = Date.now() + CLEANUP_EVERY_MS;
  const waitAfter = (points: number, expire: number, now: number) =>
    points > options.points ? Math.max(1, Math.ceil((expire - now) / 1000)) : null;
  const counter: RequestCounter = {
    rowKey: (id) => `${options.keyPrefix}:${id}`,
    windowEnd: (now) => now + windowMs,
    upsertSql,
    record: (principal, points, expire, now) => counted.set(principal, waitAfter(points, expire, now)),
  };
  const leased = (options.lease ?? 1) > 1 ? leasedConsume(pool, options, windowMs, counter.rowKey) : null;
  return {
    counter,
    async consume(key) {
      if (leased) return leased.consume(key);
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
    consumeNow: (key) => leased?.now(key),
    takeCounted: (principal) => counted.take(principal),
  };
}
