import type { DomainError, Result } from "@fupin/domain";
import { UniqueConstraintViolationException } from "@mikro-orm/core";
import { PostgreSqlExceptionConverter } from "@mikro-orm/postgresql";
import { GraphQLError } from "graphql";
import { isAuthError } from "../../auth/auth-error.js";
import { keyRecheck } from "../../auth/key-recheck.js";
import type { Principal } from "../../auth/principal.js";
import type { AuditEntry, GatewayContext, SqlTransaction } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import type { LedgerWriter, Stored, Where } from "../../ledger/ledger-writer.js";
import { uniqueFailure } from "../../ledger/tables.js";
import { domainFailure, notFound } from "../errors.js";
import { principalRegion, scopeSql } from "../scope.js";
import {
  auditRefusal,
  conflictSeenBy,
  crossScopeFailure,
  isCrossScopeFailure,
  refuseWhenTooManyFailed,
} from "./conflicts.js";
import { NeedsTransaction, oneStatementAttempt } from "./one-statement.js";
import { insertUnderByReads } from "./references.js";
import {
  createdEntry,
  insertColumns,
  recordOf,
  stamped,
  updateAssignments,
  updatedEntry,
} from "./write-sql.js";

export type { LedgerWriter, Stored, Where } from "../../ledger/ledger-writer.js";

/** Unwraps a domain result, or throws it as a typed client error. */
export function orFail<T>(result: Result<T, DomainError>, prefix = "input"): T {
  if (!result.ok) throw domainFailure(result.error, prefix);
  return result.value;
}

/** Drops keys whose value is null or absent, so the domain schema applies its defaults. */
export function compact<T extends object>(input: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== null && v !== undefined) out[k] = v;
  return out as Partial<T>;
}

/** Overlays the fields present in a patch (null clears a field) on a record. */
export function overlay<T extends object>(record: T, patch: object): T {
  const out = Object.assign({}, record) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as T;
}

const converter = new PostgreSqlExceptionConverter();

/** A unique violation of the ledger as the typed client error its constraint stands for, else the error itself. */
function typedFailure(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const converted = converter.convertException(e as Error & { code?: string });
  if (!(converted instanceof UniqueConstraintViolationException)) return e;
  const failure = uniqueFailure((converted as { constraint?: string }).constraint);
  if (!failure) return e;
  return crossScopeFailure(failure.message, {
    code: failure.code,
    ...(failure.field ? { field: failure.field } : {}),
  });
}

function placeholders(from: number, n: number): string {
  return Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");
}

/** Records of `table` matching `where`, inside `scope` when given, in key order. */
function findRows<T>(
  tx: SqlTransaction,
  table: LedgerTable<T>,
  where: Where<T>,
  scope: string | null,
): Promise<T[]> {
  const params: unknown[] = [];
  const conditions = (Object.entries(where) as [keyof T & string, unknown][]).map(([field, value]) => {
    params.push(value);
    const column = table.columns[field];
    return Array.isArray(value) ? `${column} = ANY($${params.length})` : `${column} = $${params.length}`;
  });
  if (scope !== null) conditions.push(scopeSql(scope, params, table.scope));
  const filter = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  return tx.query<T & Record<string, unknown>>(
    `SELECT ${table.select} FROM ${table.table} ${filter} ORDER BY ${table.key}`,
    params,
  );
}

/** The writes of one transaction inside a caller's scope; each insert and update adds its audit entry through `audit`. */
export function createWriter(
  tx: SqlTransaction,
  callerScope: string,
  audit: (entry: Omit<AuditEntry, "principalId" | "requestId" | "at">) => void,
): LedgerWriter {
  const writer: LedgerWriter = {
    async lock<T>(table: LedgerTable<T>, id: string) {
      const params: unknown[] = [id];
      const rows = await tx.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(t.*) AS row FROM ${table.table} t WHERE ${table.key} = $1 AND ${scopeSql(callerScope, params)} FOR UPDATE`,
        params,
      );
      const row = rows[0]?.row;
      if (!row) throw notFound(table.entityType, id);
      return {
        record: recordOf(table, row),
        regionCode: String(row.region_code),
        countyCode: String(row.county_code),
      };
    },
    async existsInCounty(table, id, countyCode) {
      const rows = await tx.query(
        `SELECT 1 AS one FROM ${table.table} WHERE ${table.key} = $1 AND county_code = $2`,
        [id, countyCode],
      );
      return rows.length > 0;
    },
    async insert<T>(table: LedgerTable<T>, record: T, regionCode: string) {
      const { columns, values } = insertColumns(table, record, regionCode);
      const countyCode = regionCode.slice(0, 6);
      await tx.query(
        `INSERT INTO ${table.table} (${columns.join(", ")}) VALUES (${placeholders(1, values.length)})`,
        values,
      );
      audit(createdEntry(table, record, countyCode));
    },
    async update<T>(table: LedgerTable<T>, before: Stored<T>, after: T, regionCode = before.regionCode) {
      const { assignments, values, key } = updateAssignments(table, after, regionCode);
      const sets = assignments.map((a, i) => `${a} = $${i + 1}`);
      await tx.query(
        `UPDATE ${table.table} SET ${sets.join(", ")}, updated_at = now(), version = version + 1 WHERE ${table.key} = $${values.length + 1}`,
        [...values, key],
      );
      audit(updatedEntry(table, before, after));
    },
    insertUnder: (table, record, under, references) =>
      insertUnderByReads(writer)(table, record, under, references),
    find: (table, where, scope) => findRows(tx, table, where, scope === "caller" ? callerScope : null),
    async relocate(table, field, values, regionCode) {
      await tx.query(`UPDATE ${table.table} SET region_code = $1 WHERE ${table.columns[field]} = ANY($2)`, [
        regionCode,
        values,
      ]);
    },
  };
  return writer;
}

/**
 * Runs a mutation's writes atomically inside the caller's scope: parameterised SQL built from the
 * table descriptions, the caller's scope on every row read, audit entries (before/after) appended
 * with the writes. The writes are made in one statement when they can be (one-statement.ts: the
 * mutation's reads, then the writes, the audit entries and the checks of the key and the limit of
 * refused writes together), else in a transaction. Any failure writes nothing; a violated unique
 * constraint of the ledger becomes its typed error.
 */
export async function writeLedger<R>(ctx: GatewayContext, work: (w: LedgerWriter) => Promise<R>): Promise<R> {
  const principal = ctx.principal;
  if (principal === null) {
    throw new GraphQLError("authentication required", { extensions: { code: "UNAUTHENTICATED" } });
  }
  const scope = principalRegion(ctx);
  try {
    const made = await writeInOneStatement(ctx, principal.id, scope, work);
    if (made) return made.result;
  } catch (e) {
    throw await refusedAfterChecks(ctx, principal.id, e);
  }
  return writeInTransaction(ctx, principal, scope, work);
}

function auditStamp(ctx: GatewayContext, principalId: string) {
  return { principalId, requestId: ctx.requestId, at: ctx.now() };
}

/** The write made in one statement, or null when it needs a transaction (nothing was written). */
async function writeInOneStatement<R>(
  ctx: GatewayContext,
  principalId: string,
  scope: string,
  work: (w: LedgerWriter) => Promise<R>,
): Promise<{ result: R } | null> {
  const attempt = oneStatementAttempt(ctx, principalId, scope, auditStamp(ctx, principalId));
  let result: R;
  try {
    result = await work(attempt.writer);
  } catch (e) {
    if (e instanceof NeedsTransaction) return null;
    throw e;
  }
  const outcome = await attempt.commit();
  keyRecheck(ctx.principal)?.settle(outcome.keyState);
  if (outcome.limited) {
    await refuseWhenTooManyFailed(ctx, principalId);
    return null;
  }
  if (!outcome.fresh) return null;
  if (outcome.refusal) throw outcome.refusal;
  return { result };
}

/**
 * A failure of a write attempted in one statement, answered as it would have been in a transaction:
 * a revoked key and a principal past its limit of refused writes come first (they were checked
 * before anything else there), then the refusal is counted.
 */
async function refusedAfterChecks(
  ctx: GatewayContext,
  principalId: string,
  error: unknown,
): Promise<unknown> {
  if (isAuthError(error) || (error instanceof GraphQLError && error.extensions.code === "RATE_LIMITED"))
    return error;
  await keyRecheck(ctx.principal)?.ensure();
  await refuseWhenTooManyFailed(ctx, principalId);
  return refused(ctx, principalId, typedFailure(error));
}

/** The write made in a transaction: the key and the limit of refused writes are checked first. */
async function writeInTransaction<R>(
  ctx: GatewayContext,
  principal: Principal,
  scope: string,
  work: (w: LedgerWriter) => Promise<R>,
): Promise<R> {
  const recheck = keyRecheck(principal);
  if (recheck?.pending) await recheck.ensure(ctx.services.failedWrites.prefetch?.(principal));
  await refuseWhenTooManyFailed(ctx, principal.id);
  try {
    return await ctx.services.sql.transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      const stamp = auditStamp(ctx, principal.id);
      const result = await work(createWriter(tx, scope, (entry) => entries.push(stamped(entry, stamp))));
      await ctx.services.audit.append(entries, tx.client);
      return result;
    });
  } catch (e) {
    throw await refused(ctx, principal.id, typedFailure(e));
  }
}

/**
 * A refused write: counted against the principal's failed writes; a refusal across scopes is
 * audited (its real code, not the value tried) and answered as `conflictSeenBy` the caller.
 */
async function refused(ctx: GatewayContext, principalId: string, error: unknown): Promise<unknown> {
  if (!(error instanceof GraphQLError) || error.extensions.code === undefined) return error;
  await ctx.services.failedWrites.count(principalId);
  if (!isCrossScopeFailure(error)) return error;
  await auditRefusal(ctx, principalId, {
    code: error.extensions.code,
    field: error.extensions.field ?? null,
  });
  return conflictSeenBy(ctx, error);
}
