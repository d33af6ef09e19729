import type pg from "pg";
import type { RecheckCompanion } from "../../auth/key-recheck.js";
import type { Principal } from "../../auth/principal.js";
import { createPostgresRateLimiter } from "../../http/rate-limiter.js";
import { requestSlot } from "../../http/request-slot.js";

/**
 * Refused writes counted per principal in PostgreSQL's `rate_limit` table, so every gateway process
 * shares one count: a principal past its limit may not write until the window ends.
 */
export interface FailedWriteLimit {
  /** Refused writes allowed per principal and window. */
  readonly limit: number;
  /**
   * Seconds until the principal may write again, or null when it may write now; the count `prefetch`
   * read for this principal object earlier in the request when there is one, else a statement.
   */
  wait(principalId: string, principal?: Principal): Promise<number | null>;
  /** Reads the principal's refused writes in the statement that rechecks its key before a mutation. */
  prefetch?(principal: Principal): RecheckCompanion;
  /**
   * An SQL expression that is true when the principal may not write now (past its limit), its
   * parameters appended to `params`: read in the statement of a write made in one statement.
   */
  limitedSql(principalId: string, params: unknown[]): string;
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
  const prefetched = requestSlot<Principal, { points: number; expire: number } | null>("fupin.failedWrites");
  const waitFor = (row: { points: number; expire: number } | null | undefined, now: number) =>
    !row || row.points < perHour || row.expire <= now
      ? null
      : Math.max(1, Math.ceil((row.expire - now) / 1000));
  return {
    limit: perHour,
    async wait(principalId, principal) {
      const now = Date.now();
      const read = principal && principal.id === principalId ? prefetched.take(principal) : undefined;
      if (read !== undefined) return waitFor(read, now);
      const r = await pool.query<{ points: number; expire: string }>(
        "select points, expire from rate_limit where key = $1 and expire > $2",
        [counter.counter.rowKey(principalId), now],
      );
      const row = r.rows[0];
      return waitFor(row ? { points: Number(row.points), expire: Number(row.expire) } : null, now);
    },
    prefetch(principal) {
      return {
        name: "failed_writes",
        expression(params) {
          params.push(counter.counter.rowKey(principal.id), Date.now());
          const [k, n] = [`$${params.length - 1}`, `$${params.length}`];
          return `(select points || ':' || expire from rate_limit where key = ${k} and expire > ${n})`;
        },
        take(value) {
          const [points, expire] = typeof value === "string" ? value.split(":").map(Number) : [];
          prefetched.set(principal, points === undefined ? null : { points, expire: expire! });
        },
      };
    },
    limitedSql(principalId, params) {
      params.push(counter.counter.rowKey(principalId), Date.now());
      const [k, n] = [`$${params.length - 1}`, `$${params.length}`];
      return `coalesce((select points >= ${perHour} from rate_limit where key = ${k} and expire > ${n}), false)`;
    },
    async count(principalId) {
      await counter.consume(principalId);
    },
  };
}
