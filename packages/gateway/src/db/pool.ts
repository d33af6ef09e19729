import { createHash } from "node:crypto";
import pg from "pg";
import type { KeyRecheck } from "../auth/key-recheck.js";
import type { QueryOptions, SqlExecutor } from "../context.js";

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

/** Creates the shared pg Pool of the read path, audit writer and rate limiter. */
export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: createTypeParsers() });
  // An idle client that loses its server (shutdown, restart) must not crash the process.
  pool.on("error", () => undefined);
  return pool;
}

/** Runs `run` in one transaction on one client of the pool: commits, or rolls back when it throws. */
export async function inTransaction<R>(
  pool: pg.Pool,
  run: (client: pg.PoolClient) => Promise<R>,
): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await run(client);
    await client.query("commit");
    return result;
  } catch (e) {
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

/** A SqlExecutor over a pool that counts the statements it runs (one per request, so tests can count SQL). */
export function createSqlExecutor(pool: pg.Pool, executorOptions: SqlExecutorOptions = {}): SqlExecutor {
  let count = 0;
  const { recheck } = executorOptions;
  const checked = async () => {
    if (!recheck) return;
    if (recheck.pending) count++;
    await recheck.ensure();
  };
  const run = async <T>(
    client: pg.Pool | pg.ClientBase,
    text: string,
    values: unknown[],
    prepare: boolean,
  ) => {
    count++;
    const name = prepare ? preparedName(text) : undefined;
    return (await (name ? client.query<T & {}>({ name, text, values }) : client.query<T & {}>(text, values)))
      .rows;
  };
  return {
    async query<T extends Record<string, unknown> = Record<string, unknown>>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ): Promise<T[]> {
      const values = [...(params ?? [])];
      if (recheck?.pending && options?.atLeastOneRow) {
        const rows = await run<Record<string, unknown>>(
          pool,
          withKeyState(recheck, text, values, !!options.prepare),
          values,
          !!options.prepare,
        );
        recheck.settle(Number(rows[0]?.[KEY_STATE]));
        for (const row of rows) delete row[KEY_STATE];
        return rows as T[];
      }
      if (!options?.recheckLater) await checked();
      return run<T>(pool, text, values, !!options?.prepare);
    },
    async transaction(work) {
      await checked();
      return inTransaction(pool, (client) =>
        work({
          query: (text, params, options) => run(client, text, [...(params ?? [])], !!options?.prepare),
          client,
        }),
      );
    },
    get statementCount() {
      return count;
    },
  };
}
