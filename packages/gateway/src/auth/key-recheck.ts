import type pg from "pg";
import { requestSlot } from "../http/request-slot.js";
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

const rechecks = requestSlot<Principal, KeyRecheck>("fupin.keyRecheck");

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
 * The recheck of one request. A class, not an object literal with getters: a literal's accessors are
 * new closures per request, which gave every request's object a hidden class of its own, allocated
 * where the scavenger cannot free what it points to (under load, every request's objects were
 * promoted and left for the full collector).
 */
class PendingRecheck implements KeyRecheck {
  pending = true;
  refusal: AuthError | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: { readonly id: string; readonly hashHex: string },
    private readonly evict: () => void,
  ) {}

  expression(params: unknown[]): string {
    return stateSql(params, this.key.id, this.key.hashHex);
  }

  settle(state: number): void {
    if (this.pending) {
      this.pending = false;
      if (state === 1) this.refusal = new AuthError("AUTH.REVOKED_KEY", "this API key has been revoked");
      else if (state !== 0) this.refusal = new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key");
      if (this.refusal) this.evict();
    }
    if (this.refusal) throw this.refusal;
  }

  async ensure(companion?: RecheckCompanion): Promise<void> {
    if (this.pending) {
      const params: unknown[] = [];
      const state = stateSql(params, this.key.id, this.key.hashHex);
      const extra = companion ? `, ${companion.expression(params)} as extra` : "";
      const name = `fupin_api_key_recheck${companion ? `_${companion.name}` : ""}`;
      const text = `select ${state} as state${extra}`;
      const r = await this.pool.query<{ state: number; extra?: unknown }>({ name, text, values: params });
      companion?.take(r.rows[0]?.extra ?? null);
      this.settle(Number(r.rows[0]?.state ?? 2));
    }
    if (this.refusal) throw this.refusal;
  }
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
  rechecks.set(principal, new PendingRecheck(pool, key, evict));
}
