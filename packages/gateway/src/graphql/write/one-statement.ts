import type { EntryWithoutCounty } from "../../audit/audit-chain.js";
import { appendItem, appendItemWithoutCounty } from "../../audit/audit-writer.js";
import { keyRecheck } from "../../auth/key-recheck.js";
import type { AuditEntry, GatewayContext, SqlExecutor } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import type { CountyReference, LedgerWriter, Stored } from "../../ledger/ledger-writer.js";
import { notFound } from "../errors.js";
import { scopeSql } from "../scope.js";
import { unknownReference } from "./references.js";
import {
  createdEntry,
  createdImage,
  insertColumns,
  recordColumns,
  recordOf,
  stamped,
  updateAssignments,
  updatedEntry,
} from "./write-sql.js";

/**
 * Thrown by the writer of an attempt when the mutation needs a transaction after all (it reads rows
 * with `find`, reads after writing, or writes one table twice): the attempt is dropped, nothing of it
 * was written, and the mutation runs again in a transaction.
 */
export class NeedsTransaction extends Error {
  constructor(why: string) {
    super(`the write needs a transaction: ${why}`);
  }
}

const rechecking = new Set<string>();

/**
 * Names a mutation field whose resolver acts only through `writeLedger`: its key is read again in
 * the statements of its write (before anything is written), so it needs no recheck before it runs.
 */
export function rechecksInItsWrite(field: string): string {
  rechecking.add(field);
  return field;
}

/** Whether every root field of a mutation rechecks the key in its write (`rechecksInItsWrite`). */
export function mutationRechecksItself(fields: readonly string[]): boolean {
  return fields.length > 0 && fields.every((f) => rechecking.has(f));
}

/** A row read by `lock`: written only if it is unchanged when the write is made. */
interface ReadRow {
  readonly table: string;
  readonly key: string;
  readonly id: string;
  readonly digest: string;
}

/** One write of the statement, as a data-modifying CTE guarded by `ok`. */
interface PendingWrite {
  readonly table: string;
  readonly countyCodes: readonly string[];
  /** The row read by the statement (`Under`) whose county the write is made in, if any. */
  readonly under?: Under;
  /** What the text depends on besides the parameters (its table and columns). */
  readonly shape: string;
  /** The parameters `sql` appends, in its order. */
  readonly values: readonly unknown[];
  sql(params: unknown[]): string;
}

/** A row the statement reads and locks itself (CTE `name`): the row a record is filed under. */
interface Under {
  readonly name: string;
  readonly shape: string;
  sql(params: unknown[]): string;
  /** Appends the parameters `sql` appends, in its order; returns the text that depends on the caller's scope. */
  values(params: unknown[]): string;
}

/** A check the statement makes before it writes, and the refusal when it fails (given each `Under`'s county). */
interface Check {
  readonly shape: string;
  /** The parameters `sql` appends, in its order. */
  readonly values: readonly unknown[];
  sql(params: unknown[]): string;
  refusal(counties: readonly string[]): Error;
}

/** An audit entry of the statement; one filed `under` a row it reads takes that row's county. */
type PendingEntry =
  | { readonly entry: AuditEntry; readonly under?: undefined }
  | { readonly entry: EntryWithoutCounty; readonly under: Under };

/** What the statement found: whether it wrote, and why not. */
export interface OneStatementOutcome {
  /** The key's state (0 valid; see KeyRecheck.expression); 0 when it was not pending. */
  readonly keyState: number;
  /** The principal is past its limit of refused writes: nothing was written. */
  readonly limited: boolean;
  /** Every row the mutation read by `lock` is as it was read; else nothing was written. */
  readonly fresh: boolean;
  /** The refusal of a check made by the statement (a row not found, a reference not in the county): nothing was written. */
  readonly refusal: Error | null;
}

/** A mutation's writes gathered for one statement, and the rows they depend on. */
export interface OneStatementAttempt {
  readonly writer: LedgerWriter;
  /** Makes the writes, their audit entries and the ledger-version bump in one statement, if the guards hold. */
  commit(): Promise<OneStatementOutcome>;
}

const param = (params: unknown[], value: unknown) => {
  params.push(value);
  return `$${params.length}`;
};

/** What stamps an attempt's audit entries. */
type Stamp = Pick<AuditEntry, "principalId" | "requestId" | "at">;

/** The rows read and the writes gathered so far by an attempt's writer. */
interface Gathered {
  readonly reads: ReadRow[];
  readonly writes: PendingWrite[];
  readonly unders: Under[];
  readonly checks: Check[];
  readonly entries: PendingEntry[];
}

// The writer's pieces are built on every write: closures here are methods or anonymous, never
// named arrows. Under tsx (esbuild's keepNames) each named closure costs an Object.defineProperty
// of its name, which turns it into a dictionary-mode object (14 per write, measured with --log-maps).

function readBeforeWrites(gathered: Gathered): void {
  if (gathered.writes.length > 0) throw new NeedsTransaction("a read after a write");
}

function pend(gathered: Gathered, write: PendingWrite): void {
  if (gathered.writes.some((w) => w.table === write.table))
    throw new NeedsTransaction("two writes to one table");
  gathered.writes.push(write);
}

/** Reads run at once (no transaction, no row locks); a read after a write needs a transaction. */
function attemptReads(
  sql: SqlExecutor,
  callerScope: string,
  gathered: Gathered,
): Pick<LedgerWriter, "lock" | "existsInCounty" | "find"> {
  return {
    async lock<T>(table: LedgerTable<T>, id: string): Promise<Stored<T>> {
      readBeforeWrites(gathered);
      const params: unknown[] = [id];
      const [found] = await sql.query<{ row: Record<string, unknown>; digest: string }>(
        `SELECT to_jsonb(t.*) AS row, md5(t::text) AS digest FROM ${table.table} t WHERE ${table.key} = $1 AND ${scopeSql(callerScope, params)}`,
        params,
        { prepare: true, recheckLater: true },
      );
      if (!found) throw notFound(table.entityType, id);
      gathered.reads.push({ table: table.table, key: table.key, id, digest: found.digest });
      return {
        record: recordOf(table, found.row),
        regionCode: String(found.row.region_code),
        countyCode: String(found.row.county_code),
      };
    },
    async existsInCounty(table, id, countyCode) {
      readBeforeWrites(gathered);
      const rows = await sql.query(
        `SELECT 1 AS one FROM ${table.table} WHERE ${table.key} = $1 AND county_code = $2`,
        [id, countyCode],
        { prepare: true, recheckLater: true },
      );
      return rows.length > 0;
    },
    find() {
      throw new NeedsTransaction("rows found by their fields");
    },
  };
}

/** Writes kept for the statement, each a data-modifying CTE that writes only when the guard `g` holds. */
function attemptWrites(
  gathered: Gathered,
  callerScope: string,
  stamp: Stamp,
): Pick<LedgerWriter, "insert" | "update" | "relocate" | "insertUnder"> {
  return {
    async insert<T>(table: LedgerTable<T>, record: T, regionCode: string) {
      const countyCode = regionCode.slice(0, 6);
      const { columns, values } = insertColumns(table, record, regionCode);
      pend(gathered, {
        table: table.table,
        countyCodes: [countyCode],
        shape: `i ${table.table}`,
        values,
        sql(params) {
          return `INSERT INTO ${table.table} (${columns.join(", ")}) SELECT ${values.map((v) => param(params, v)).join(", ")} WHERE (SELECT ok FROM g) RETURNING 1`;
        },
      });
      gathered.entries.push({ entry: stamped(createdEntry(table, record, countyCode), stamp) });
    },
    async insertUnder(table, record, parent, references) {
      const under = readUnder(gathered, parent.table, parent.id, callerScope, references);
      const { columns, values } = recordColumns(table, record);
      pend(gathered, {
        table: table.table,
        countyCodes: [],
        under,
        shape: `iu ${table.table} ${under.name}`,
        values,
        sql(params) {
          return `INSERT INTO ${table.table} (county_code, region_code, ${columns.join(", ")}) SELECT u.county_code, u.region_code, ${values.map((v) => param(params, v)).join(", ")} FROM ${under.name} u WHERE (SELECT ok FROM g) RETURNING 1`;
        },
      });
      gathered.entries.push({ entry: stamped(createdImage(table, record), stamp), under });
    },
    async update<T>(table: LedgerTable<T>, before: Stored<T>, after: T, regionCode = before.regionCode) {
      const { assignments, values, key } = updateAssignments(table, after, regionCode);
      pend(gathered, {
        table: table.table,
        countyCodes: [before.countyCode, regionCode.slice(0, 6)],
        shape: `u ${table.table}`,
        values: [...values, key],
        sql(params) {
          const sets = assignments.map((a, i) => `${a} = ${param(params, values[i])}`);
          return `UPDATE ${table.table} SET ${sets.join(", ")}, updated_at = now(), version = version + 1 WHERE ${table.key} = ${param(params, key)} AND (SELECT ok FROM g) RETURNING 1`;
        },
      });
      gathered.entries.push({ entry: stamped(updatedEntry(table, before, after), stamp) });
    },
    async relocate(table, field, values, regionCode) {
      const column = table.columns[field];
      pend(gathered, {
        table: table.table,
        countyCodes: [regionCode.slice(0, 6)],
        shape: `r ${table.table} ${column}`,
        values: [regionCode, values],
        sql(params) {
          return `UPDATE ${table.table} SET region_code = ${param(params, regionCode)} WHERE ${column} = ANY(${param(params, values)}) AND (SELECT ok FROM g) RETURNING 1`;
        },
      });
    },
  };
}

/**
 * The row a record is filed under, read and locked by the statement inside the caller's scope, with
 * the checks of `insertUnder` in its order: the row is found (NOT_FOUND), then each reference lies in
 * its county (LEDGER.UNKNOWN_REFERENCE).
 */
function readUnder<P>(
  gathered: Gathered,
  table: LedgerTable<P>,
  id: string,
  callerScope: string,
  references: readonly CountyReference[],
): Under {
  const index = gathered.unders.length;
  // The record only reads the row (its county and village): FOR SHARE keeps the row from changing or
  // going until the commit, as FOR UPDATE did, but lets other records be filed under it at the same
  // time (FOR UPDATE queued every write to one household on that row). A row the mutation also read
  // by `lock` (locked FOR UPDATE by the guard) keeps FOR UPDATE: a share lock raised to an update
  // lock in two writers at once is a deadlock. Reads come before writes, so all of them are known.
  const strength = gathered.reads.some((r) => r.table === table.table && r.id === id) ? "UPDATE" : "SHARE";
  const under: Under = {
    name: `u${index}`,
    shape: `${table.table} ${table.key} ${strength}`,
    sql(params) {
      return `SELECT county_code, region_code FROM ${table.table} WHERE ${table.key} = ${param(params, id)} AND ${scopeSql(callerScope, params)} FOR ${strength}`;
    },
    values(params) {
      params.push(id);
      return scopeSql(callerScope, params);
    },
  };
  gathered.unders.push(under);
  gathered.checks.push({
    shape: under.name,
    values: [],
    sql() {
      return `EXISTS (SELECT 1 FROM ${under.name})`;
    },
    refusal() {
      return notFound(table.entityType, id);
    },
  });
  for (const r of references) {
    const refId = r.id;
    if (refId === null) continue;
    gathered.checks.push({
      shape: `${under.name} ${r.table.table} ${r.table.key}`,
      values: [refId],
      sql(params) {
        return `EXISTS (SELECT 1 FROM ${r.table.table} WHERE ${r.table.key} = ${param(params, refId)} AND county_code = (SELECT county_code FROM ${under.name}))`;
      },
      refusal(counties) {
        return unknownReference(r.table, refId, counties[index] ?? "", r.field);
      },
    });
  }
  return under;
}

/** The parameters of an audit entry in the statement's append, in their order. */
function entryValues(e: PendingEntry): unknown[] {
  return [e.under === undefined ? appendItem(e.entry) : appendItemWithoutCounty(e.entry)];
}

/** The argument of `fupin_audit_append`: an entry filed under a row the statement reads takes that row's county. */
function appendSql(
  params: unknown[],
  entries: readonly PendingEntry[],
  values: readonly unknown[][],
): string {
  const items = entries.map((e, i) => {
    const v = values[i]!;
    if (e.under === undefined) return `${param(params, v[0])}::jsonb`;
    return `(SELECT ${param(params, v[0])}::jsonb || jsonb_build_object('countyCode', u.county_code) FROM ${e.under.name} u)`;
  });
  return `jsonb_build_array(${items.join(", ")})`;
}

/** What an attempt's statement binds, in its parameters' order, and what its text depends on. */
interface Bound {
  readonly keyState: string;
  readonly limited: string;
  /** The parameters of the rows the statement reads itself; then up to `guarded`, the key's and the limit's. */
  readonly scoped: number;
  readonly guarded: number;
  readonly counties: readonly string[];
  readonly entries: readonly unknown[][];
}

/**
 * Appends the parameters of the statement in the order `statementText` appends them, and returns
 * what they bind and the statement's shape: its text is the same for every attempt of one shape.
 */
function bindStatement(
  ctx: GatewayContext,
  principalId: string,
  gathered: Gathered,
  params: unknown[],
): { bound: Bound; shape: string } {
  const { writes, unders, checks, entries } = gathered;
  const shape: string[] = [];
  for (const u of unders) shape.push(u.shape, u.values(params));
  const scoped = params.length;
  const recheck = keyRecheck(ctx.principal);
  const keyState = recheck?.pending ? recheck.expression(params) : "0";
  const limited = ctx.services.failedWrites.limitedSql(principalId, params);
  const guarded = params.length;
  shape.push(keyState, limited);
  for (const r of gathered.reads) {
    params.push(r.id, r.digest);
    shape.push(`${r.table} ${r.key}`);
  }
  for (const c of checks) {
    params.push(...c.values);
    shape.push(c.shape);
  }
  for (const w of writes) {
    params.push(...w.values);
    shape.push(w.shape);
  }
  const counties = [...new Set(writes.flatMap((w) => w.countyCodes))];
  params.push(counties);
  const entryParams = entries.map(entryValues);
  for (const [i, e] of entries.entries()) {
    params.push(...entryParams[i]!);
    shape.push(e.under?.name ?? "-");
  }
  return {
    bound: { keyState, limited, scoped, guarded, counties, entries: entryParams },
    shape: shape.join("\n"),
  };
}

/**
 * The statement of an attempt: the rows it reads itself (`u0`…), the guard `g` (the key's state, the
 * limit of refused writes, every row read by `lock` locked again and unchanged, the checks of
 * `insertUnder`), the writes, then the ledger-version bump (it waits on the writes' count) and last
 * the audit append, so its locks are taken in a transaction's order.
 */
function statementText(gathered: Gathered, bound: Bound): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const { writes, unders, checks, entries } = gathered;
  const reads = unders.map((u) => `${u.name} AS (${u.sql(params)})`);
  params.length = bound.guarded;
  const fresh = gathered.reads.map(
    (r) =>
      `EXISTS (SELECT 1 FROM ${r.table} t WHERE ${r.key} = ${param(params, r.id)} AND md5(t::text) = ${param(params, r.digest)} FOR UPDATE)`,
  );
  const failed = checks.map((c, i) => `WHEN NOT ${c.sql(params)} THEN ${i + 1}`);
  const refused = failed.length > 0 ? `CASE ${failed.join(" ")} ELSE 0 END` : "0";
  const guard = `g AS (SELECT s AS key_state, l AS limited, f AS fresh, r AS refused, s = 0 AND NOT l AND f AND r = 0 AS ok FROM (SELECT ${bound.keyState} AS s, ${bound.limited} AS l, ${fresh.join(" AND ") || "true"} AS f, ${refused} AS r OFFSET 0) x)`;
  const ctes = writes.map((w, i) => `w${i} AS (${w.sql(params)})`);
  const written = writes.map((_, i) => `(SELECT count(*) FROM w${i})`).join(" + ") || "0";
  const counties = [
    `SELECT unnest(${param(params, bound.counties)}::text[]) AS c`,
    ...unders.map((u) => `SELECT county_code FROM ${u.name}`),
  ];
  const bump = `SELECT count(fupin_bump_ledger_version(c)) AS n FROM (${counties.join(" UNION ")}) cs WHERE ${written} >= 0`;
  const append =
    entries.length === 0
      ? `(${bump})`
      : `(SELECT fupin_audit_append(${appendSql(params, entries, bound.entries)}) FROM (${bump}) v)`;
  const read =
    unders.length === 0
      ? ""
      : `ARRAY[${unders.map((u) => `(SELECT county_code FROM ${u.name})`)}] AS counties, `;
  return {
    text: `WITH ${[...reads, guard, ...ctes].join(",\n")}\nSELECT key_state, limited, fresh, refused, ok, ${read}CASE WHEN ok THEN ${append} END AS appended FROM g`,
    params,
  };
}

/** Statement texts by shape, so that a shape's text is built (and named for preparing) once. */
const texts = new Map<string, string>();
const MAX_TEXTS = 256;

/** The statement of an attempt and its parameters. */
function commitStatement(
  ctx: GatewayContext,
  principalId: string,
  gathered: Gathered,
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const { bound, shape } = bindStatement(ctx, principalId, gathered, params);
  let text = texts.get(shape);
  if (text === undefined) {
    const built = statementText(gathered, bound);
    const mismatch = built.params.findIndex(
      (v, i) => (i < bound.scoped || i >= bound.guarded) && v !== params[i],
    );
    if (built.params.length !== params.length || mismatch >= 0)
      throw new Error(`the write statement's parameters differ from its text's at $${mismatch + 1}`);
    text = built.text;
    if (texts.size < MAX_TEXTS) texts.set(shape, text);
  }
  return { text, params };
}

/**
 * A writer whose reads are plain statements (no transaction, no row locks) and whose writes wait for
 * `commit`: one statement that locks every row read by `lock` again, checks it is unchanged (an md5
 * of the row) and checks the caller's key and refused-writes limit, reads and locks the rows records
 * are filed under (`insertUnder`) and checks their references, then makes the writes, bumps the
 * ledger versions and appends the audit entries only when all of that holds. A statement is one
 * transaction, so the write is as atomic as the mutation run in a transaction, and it takes its locks
 * in the same order (rows, then ledger version). Its audit entries go in unlinked: the pool's linker
 * chains them once the statement has committed.
 */
export function oneStatementAttempt(
  ctx: GatewayContext,
  principalId: string,
  callerScope: string,
  stamp: Stamp,
): OneStatementAttempt {
  const gathered: Gathered = { reads: [], writes: [], unders: [], checks: [], entries: [] };
  const reads = attemptReads(ctx.services.sql, callerScope, gathered);
  const writes = attemptWrites(gathered, callerScope, stamp);
  return {
    // Each method named, not the two objects spread: see `stamped` (write-sql.ts).
    writer: {
      lock: reads.lock,
      existsInCounty: reads.existsInCounty,
      find: reads.find,
      insert: writes.insert,
      insertUnder: writes.insertUnder,
      update: writes.update,
      relocate: writes.relocate,
    },
    async commit() {
      const { text, params } = commitStatement(ctx, principalId, gathered);
      const [row] = await ctx.services.sql.query<{
        key_state: number;
        limited: boolean;
        fresh: boolean;
        refused: number;
        ok: boolean;
        counties?: string[];
      }>(text, params, { prepare: true, recheckLater: true });
      const check = gathered.checks[Number(row!.refused) - 1];
      if (row!.ok && gathered.entries.length > 0) ctx.services.audit.committed();
      return {
        keyState: Number(row!.key_state),
        limited: row!.limited,
        fresh: row!.fresh,
        refusal: check ? check.refusal(row!.counties ?? []) : null,
      };
    },
  };
}
