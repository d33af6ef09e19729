import { createHash } from "node:crypto";
import pg from "pg";
import type { KeyRecheck } from "../auth/key-recheck.js";
import type { QueryOptions, SqlExecutor, SqlTransaction } from "../context.js";

const DATE_OID = 1082;
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

function parseSafeBigint(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return n;
}

/** Type parsers of the read path: date → 'YYYY-MM-DD' string, bigint → number (throws beyond the safe range). */
export function createTypeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, (text: string) => text);
  types.setTypeParser(INT8_OID, parseSafeBigint);
  types.setTypeParser(TIMESTAMPTZ_OID, (text: string) => new Date(text));
  return types;
}

const ignore = () => undefined;

/**
 * Keeps a pool's process alive when its server goes away (shutdown, restart, a terminated backend).
 * pg-pool listens for errors on idle clients only; a client checked out with `pool.connect()` that
 * loses its server emits `error` with nobody listening, which ends the process. Every client gets a
 * listener of its own: the query in flight still rejects, and pg-pool drops the broken client on
 * release.
 */
export function surviveServerLoss(pool: pg.Pool): pg.Pool {
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
  return pool;
}

/** Creates the shared pg Pool of the read path, audit writer and rate limiter. */
export function createPool(url: string, max = 10): pg.Pool {
  return surviveServerLoss(new pg.Pool({ connectionString: url, max, types: createTypeParsers() }));
}

const commitHooks = new WeakMap<pg.ClientBase, Set<(pool: pg.Pool) => void>>();

/**
 * Calls `hook` with the pool once the transaction `inTransaction` holds on `client` has committed;
 * not when it rolls back. A hook given twice in one transaction is called once.
 */
export function onCommit(client: pg.ClientBase, hook: (pool: pg.Pool) => void): void {
  const hooks = commitHooks.get(client);
  if (hooks) hooks.add(hook);
  else commitHooks.set(client, new Set([hook]));
}

/**
 * Runs `run` in one transaction on one client of the pool: commits, or rolls back when it throws.
 * `begin` opens it: statements without parameters run with BEGIN in one round trip (the simple
 * protocol takes several).
 */
export async function inTransaction<R>(
  pool: pg.Pool,
  run: (client: pg.PoolClient) => Promise<R>,
  begin = "begin",
): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await run(client);
    await client.query("commit");
    const hooks = commitHooks.get(client);
    commitHooks.delete(client);
    for (const hook of hooks ?? []) hook(pool);
    return result;
  } catch (e) {
    commitHooks.delete(client);
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Most distinct statements prepared by name; later ones run unnamed, so prepared statements stay bounded. */
const MAX_PREPARED = 256;
const preparedNames = new Map<string, string>();

/**
 * The name a statement is prepared under on each connection (parsed and planned once there), or
 * undefined once `MAX_PREPARED` distinct statements have names.
 */
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `fupin_${createHash("sha1").update(text).digest("base64url")}`;
    preparedNames.set(text, name);
  }
  return name;
}

const KEY_STATE = "__fupin_key_state";

/**
 * `text` with the key recheck's state as a first column: the read runs only when the key is still
 * valid (a refused key reads nothing). For statements that answer at least one row.
 */
function withKeyState(recheck: KeyRecheck, text: string, params: unknown[], prepare: boolean): string {
  const at = params.length;
  const state = recheck.expression(params);
  const cached = prepare ? keyStateTexts.get(text) : undefined;
  if (cached?.at === at) return cached.text;
  // The state is the last column: deleting an object's last property keeps V8's fast layout.
  const wrapped = `SELECT q.*, k.s AS ${KEY_STATE} FROM (SELECT ${state} AS s) k LEFT JOIN LATERAL (${text}) q ON k.s = 0`;
  if (prepare && keyStateTexts.size < MAX_PREPARED) keyStateTexts.set(text, { at, text: wrapped });
  return wrapped;
}

/**
 * The wrapped text of each prepared statement, by the parameter count before the state's (its
 * expression's text depends on nothing else): a repeated statement reuses one text object, which
 * `preparedName` then finds without hashing the text again.
 */
const keyStateTexts = new Map<string, { readonly at: number; readonly text: string }>();

/** Options of `createSqlExecutor`. */
export interface SqlExecutorOptions {
  /**
   * The request's pending key recheck (auth/key-recheck.ts): it rides in the first one-row
   * statement, or runs on its own before any other statement or transaction; a refused key throws.
   */
  readonly recheck?: KeyRecheck;
}

/**
 * The executor of one request. A class: an object literal with a getter gets a new closure per
 * request, and with it a hidden class of its own that kept each request's objects from the scavenger
 * (see auth/key-recheck.ts).
 */
class CountingSqlExecutor implements SqlExecutor {
  statementCount = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly recheck: KeyRecheck | undefined,
  ) {}

  private async checked(): Promise<void> {
    if (!this.recheck) return;
    if (this.recheck.pending) this.statementCount++;
    await this.recheck.ensure();
  }

  private async run<T>(client: pg.Pool | pg.ClientBase, text: string, values: unknown[], prepare: boolean) {
    this.statementCount++;
    const name = prepare ? preparedName(text) : undefined;
    return (await (name ? client.query<T & {}>({ name, text, values }) : client.query<T & {}>(text, values)))
      .rows;
  }

  async query<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]> {
    const values = [...(params ?? [])];
    const recheck = this.recheck;
    if (recheck?.pending && options?.atLeastOneRow) {
      const rows = await this.run<Record<string, unknown>>(
        this.pool,
        withKeyState(recheck, text, values, !!options.prepare),
        values,
        !!options.prepare,
      );
      recheck.settle(Number(rows[0]?.[KEY_STATE]));
      for (const row of rows) delete row[KEY_STATE];
      return rows as T[];
    }
    if (!options?.recheckLater) await this.checked();
    return this.run<T>(this.pool, text, values, !!options?.prepare);
  }

  async transaction<R>(work: (tx: SqlTransaction) => Promise<R>): Promise<R> {
    await this.checked();
    return inTransaction(this.pool, (client) =>
      work({
        query: (text, params, options) => this.run(client, text, [...(params ?? [])], !!options?.prepare),
        client,
      }),
    );
  }
}

/** A SqlExecutor over a pool that counts the statements it runs (one per request, so tests can count SQL). */
export function createSqlExecutor(pool: pg.Pool, executorOptions: SqlExecutorOptions = {}): SqlExecutor {
  return new CountingSqlExecutor(pool, executorOptions.recheck);
}
