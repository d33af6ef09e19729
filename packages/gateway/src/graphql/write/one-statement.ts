import { appendArgument } from "../../audit/audit-writer.js";
import { keyRecheck } from "../../auth/key-recheck.js";
import type { AuditEntry, GatewayContext, SqlExecutor } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import type { LedgerWriter, Stored } from "../../ledger/ledger-writer.js";
import { notFound } from "../errors.js";
import { scopeSql } from "../scope.js";
import { createdEntry, insertColumns, recordOf, updateAssignments, updatedEntry } from "./write-sql.js";

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
  sql(params: unknown[]): string;
}

/** What the statement found: whether it wrote, and why not. */
export interface OneStatementOutcome {
  /** The key's state (0 valid; see KeyRecheck.expression); 0 when it was not pending. */
  readonly keyState: number;
  /** The principal is past its limit of refused writes: nothing was written. */
  readonly limited: boolean;
  /** Every row the mutation read by `lock` is as it was read; else nothing was written. */
  readonly fresh: boolean;
}

/** A mutation's writes gathered for one statement, and the rows they depend on. */
export interface OneStatementAttempt {
  readonly writer: LedgerWriter;
  /** Makes the writes, their audit entries and the ledger-version bump in one statement, if the guards hold. */
  commit(entries: readonly AuditEntry[]): Promise<OneStatementOutcome>;
}

const param = (params: unknown[], value: unknown) => {
  params.push(value);
  return `$${params.length}`;
};

type Audit = (entry: Omit<AuditEntry, "principalId" | "requestId" | "at">) => void;

/** The rows read and the writes gathered so far by an attempt's writer. */
interface Gathered {
  readonly reads: ReadRow[];
  readonly writes: PendingWrite[];
}

/** Reads run at once (no transaction, no row locks); a read after a write needs a transaction. */
function attemptReads(
  sql: SqlExecutor,
  callerScope: string,
  gathered: Gathered,
): Pick<LedgerWriter, "lock" | "existsInCounty" | "find"> {
  const beforeRead = () => {
    if (gathered.writes.length > 0) throw new NeedsTransaction("a read after a write");
  };
  return {
    async lock<T>(table: LedgerTable<T>, id: string): Promise<Stored<T>> {
      beforeRead();
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
      beforeRead();
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
  audit: Audit,
): Pick<LedgerWriter, "insert" | "update" | "relocate"> {
  const pend = (write: PendingWrite) => {
    if (gathered.writes.some((w) => w.table === write.table))
      throw new NeedsTransaction("two writes to one table");
    gathered.writes.push(write);
  };
  return {
    async insert<T>(table: LedgerTable<T>, record: T, regionCode: string) {
      const countyCode = regionCode.slice(0, 6);
      const { columns, values } = insertColumns(table, record, regionCode);
      pend({
        table: table.table,
        countyCodes: [countyCode],
        sql: (params) =>
          `INSERT INTO ${table.table} (${columns.join(", ")}) SELECT ${values.map((v) => param(params, v)).join(", ")} WHERE (SELECT ok FROM g) RETURNING 1`,
      });
      audit(createdEntry(table, record, countyCode));
    },
    async update<T>(table: LedgerTable<T>, before: Stored<T>, after: T, regionCode = before.regionCode) {
      const { assignments, values, key } = updateAssignments(table, after, regionCode);
      pend({
        table: table.table,
        countyCodes: [before.countyCode, regionCode.slice(0, 6)],
        sql: (params) => {
          const sets = assignments.map((a, i) => `${a} = ${param(params, values[i])}`);
          return `UPDATE ${table.table} SET ${sets.join(", ")}, updated_at = now(), version = version + 1 WHERE ${table.key} = ${param(params, key)} AND (SELECT ok FROM g) RETURNING 1`;
        },
      });
      audit(updatedEntry(table, before, after));
    },
    async relocate(table, field, values, regionCode) {
      const column = table.columns[field];
      pend({
        table: table.table,
        countyCodes: [regionCode.slice(0, 6)],
        sql: (params) =>
          `UPDATE ${table.table} SET region_code = ${param(params, regionCode)} WHERE ${column} = ANY(${param(params, values)}) AND (SELECT ok FROM g) RETURNING 1`,
      });
    },
  };
}

/**
 * The statement of an attempt: the guard `g` (the key's state, the limit of refused writes, every row
 * read locked again and unchanged), the writes, then the ledger-version bump (it waits on the writes'
 * count) and last the audit append, so its locks are taken in a transaction's order.
 */
function commitStatement(
  ctx: GatewayContext,
  principalId: string,
  gathered: Gathered,
  entries: readonly AuditEntry[],
): { text: string; params: unknown[] } {
  const recheck = keyRecheck(ctx.principal);
  const params: unknown[] = [];
  const keyState = recheck?.pending ? recheck.expression(params) : "0";
  const limited = ctx.services.failedWrites.limitedSql(principalId, params);
  const fresh = gathered.reads.map(
    (r) =>
      `EXISTS (SELECT 1 FROM ${r.table} t WHERE ${r.key} = ${param(params, r.id)} AND md5(t::text) = ${param(params, r.digest)} FOR UPDATE)`,
  );
  const guard = `g AS (SELECT s AS key_state, l AS limited, f AS fresh, s = 0 AND NOT l AND f AS ok FROM (SELECT ${keyState} AS s, ${limited} AS l, ${fresh.join(" AND ") || "true"} AS f) x)`;
  const { writes } = gathered;
  const ctes = writes.map((w, i) => `w${i} AS (${w.sql(params)})`);
  const written = writes.map((_, i) => `(SELECT count(*) FROM w${i})`).join(" + ") || "0";
  const counties = [...new Set(writes.flatMap((w) => w.countyCodes))];
  const bump = `SELECT count(fupin_bump_ledger_version(c)) AS n FROM unnest(${param(params, counties)}::text[]) c WHERE ${written} >= 0`;
  const append =
    entries.length === 0
      ? `(${bump})`
      : `(SELECT fupin_audit_append(${param(params, appendArgument(entries))}::jsonb) FROM (${bump}) v)`;
  return {
    text: `WITH ${[guard, ...ctes].join(",\n")}\nSELECT key_state, limited, fresh, CASE WHEN ok THEN ${append} END AS appended FROM g`,
    params,
  };
}

/**
 * A writer whose reads are plain statements (no transaction, no row locks) and whose writes wait for
 * `commit`: one statement that locks every row read by `lock` again, checks it is unchanged (an md5
 * of the row) and checks the caller's key and refused-writes limit, then makes the writes, bumps the
 * ledger versions and appends the audit entries only when all of that holds. A statement is one
 * transaction, so the write is as atomic as the mutation run in a transaction, and it takes its locks
 * in the same order (rows, ledger version, audit chain).
 */
export function oneStatementAttempt(
  ctx: GatewayContext,
  principalId: string,
  callerScope: string,
  audit: Audit,
): OneStatementAttempt {
  const gathered: Gathered = { reads: [], writes: [] };
  return {
    writer: { ...attemptReads(ctx.services.sql, callerScope, gathered), ...attemptWrites(gathered, audit) },
    async commit(entries) {
      const { text, params } = commitStatement(ctx, principalId, gathered, entries);
      const [row] = await ctx.services.sql.query<{ key_state: number; limited: boolean; fresh: boolean }>(
        text,
        params,
        { prepare: true, recheckLater: true },
      );
      return { keyState: Number(row!.key_state), limited: row!.limited, fresh: row!.fresh };
    },
  };
}
