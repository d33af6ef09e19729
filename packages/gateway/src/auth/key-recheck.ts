import type pg from "pg";
import { AuthError } from "./auth-error.js";
import type { Principal } from "./principal.js";

/**
 * A key admitted from a process's key cache, not yet read again for this request: its row is read
 * again by the request's first statement (`expression` rides in it) or by a statement of its own
 * (`ensure`) before anything else the request does is answered, so a key revoked by any process is
 * refused by every process from its next request on.
 */
export interface KeyRecheck {
  /** True until the key's row has been read again for this request. */
  readonly pending: boolean;
  /** The refusal once the row was read again and the key is no longer valid; else null. */
  readonly refusal: AuthError | null;
  /**
   * An SQL expression of the key's state (0 valid, 1 revoked, 2 unknown or another secret), its
   * parameters appended to `params`; its text depends only on `params.length` (callers reuse it).
   */
  expression(params: unknown[]): string;
  /** Takes the state an `expression` read; throws the refusal unless the key is valid. */
  settle(state: number): void;
  /**
   * Reads the state in a statement of its own when still pending (with `companion`'s value in the same
   * statement, when given); throws the refusal unless valid.
   */
  ensure(companion?: RecheckCompanion): Promise<void>;
}

/** A value read in the same statement as a key recheck run on its own (e.g. the refused writes before a mutation). */
export interface RecheckCompanion {
  /** Names the prepared statement (one per kind of companion). */
  readonly name: string;
  /** An SQL expression of one value, its parameters appended to `params`. */
  expression(params: unknown[]): string;
  /** Takes the value read. */
  take(value: unknown): void;
}

const rechecks = new WeakMap<Principal, KeyRecheck>();

/** The recheck a principal admitted from a key cache still needs, if any. */
export function keyRecheck(principal: Principal | null | undefined): KeyRecheck | undefined {
  return principal ? rechecks.get(principal) : undefined;
}

/** The state expression of key `id` with secret hash `hashHex` (see `KeyRecheck.expression`). */
function stateSql(params: unknown[], id: string, hashHex: string): string {
  params.push(id, hashHex);
  const a = `$${params.length - 1}`;
  const b = `$${params.length}`;
  return `coalesce((select case when revoked_at is null then 0 else 1 end from api_key where id = ${a} and key_hash = ${b}), 2)`;
}

/**
 * Registers the recheck of a principal admitted from the cache; `evict` drops the key from the
 * cache when the row says it is no longer valid.
 */
export function requireKeyRecheck(
  pool: pg.Pool,
  principal: Principal,
  key: { readonly id: string; readonly hashHex: string },
  evict: () => void,
): void {
  let pending = true;
  let refusal: AuthError | null = null;
  const recheck: KeyRecheck = {
    get pending() {
      return pending;
    },
    get refusal() {
      return refusal;
    },
    expression: (params) => stateSql(params, key.id, key.hashHex),
    settle(state) {
      if (pending) {
        pending = false;
        if (state === 1) refusal = new AuthError("AUTH.REVOKED_KEY", "this API key has been revoked");
        else if (state !== 0) refusal = new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key");
        if (refusal) evict();
      }
      if (refusal) throw refusal;
    },
    async ensure(companion) {
      if (pending) {
        const params: unknown[] = [];
        const state = stateSql(params, key.id, key.hashHex);
        const extra = companion ? `, ${companion.expression(params)} as extra` : "";
        const name = `fupin_api_key_recheck${companion ? `_${companion.name}` : ""}`;
        const text = `select ${state} as state${extra}`;
        const r = await pool.query<{ state: number; extra?: unknown }>({ name, text, values: params });
        companion?.take(r.rows[0]?.extra ?? null);
        recheck.settle(Number(r.rows[0]?.state ?? 2));
      }
      if (refusal) throw refusal;
    },
  };
  rechecks.set(principal, recheck);
}
