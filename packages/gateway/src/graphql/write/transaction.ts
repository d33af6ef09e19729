import type { DomainError, Result } from "@fupin/domain";
import { UniqueConstraintViolationException } from "@mikro-orm/core";
import { PostgreSqlExceptionConverter } from "@mikro-orm/postgresql";
import { GraphQLError } from "graphql";
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

export type { LedgerWriter, Stored, Where } from "../../ledger/ledger-writer.js";

/** Unwraps a domain result, or throws it as a typed client error. */
export function orFail<T>(result: Result<T, DomainError>, prefix = "input"): T {
  if (!result.ok) throw domainFailure(result.error, prefix);
  return result.value;
}

/** Drops keys whose value is null or absent, so the domain schema applies its defaults. */
export function compact<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

/** Overlays the fields present in a patch (null clears a field) on a record. */
export function overlay<T extends object>(record: T, patch: object): T {
  const out = Object.assign({}, record) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as T;
}

function toParam(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
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

function recordOf<T>(table: LedgerTable<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(table.columns) as [string, string][]) out[field] = row[column];
  return out as T;
}

/** The record fields a writer stores besides the scope columns (region_code is the row's region). */
function storedFields<T>(table: LedgerTable<T>): (keyof T & string)[] {
  return (Object.keys(table.columns) as (keyof T & string)[]).filter(
    (f) => table.columns[f] !== "region_code",
  );
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
  return {
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
    async existsInCounty<T>(table: LedgerTable<T>, id: string, countyCode: string) {
      const rows = await tx.query(
        `SELECT 1 AS one FROM ${table.table} WHERE ${table.key} = $1 AND county_code = $2`,
        [id, countyCode],
      );
      return rows.length > 0;
    },
    async insert<T>(table: LedgerTable<T>, record: T, regionCode: string) {
      const fields = storedFields(table);
      const countyCode = regionCode.slice(0, 6);
      await tx.query(
        `INSERT INTO ${table.table} (county_code, region_code, ${fields.map((f) => table.columns[f]).join(", ")}) VALUES (${placeholders(1, fields.length + 2)})`,
        [countyCode, regionCode, ...fields.map((f) => toParam(record[f]))],
      );
      const entityId = String(record[table.key]);
      audit({
        action: "create",
        entityType: table.entityType,
        entityId,
        countyCode,
        before: null,
        after: record,
      });
    },
    async update<T>(table: LedgerTable<T>, before: Stored<T>, after: T, regionCode = before.regionCode) {
      const fields = storedFields(table).filter((f) => f !== table.key);
      const sets = fields.map((f, i) => `${table.columns[f]} = $${i + 2}`);
      await tx.query(
        `UPDATE ${table.table} SET region_code = $1, ${sets.join(", ")}, updated_at = now(), version = version + 1 WHERE ${table.key} = $${fields.length + 2}`,
        [regionCode, ...fields.map((f) => toParam(after[f])), String(after[table.key])],
      );
      const entityId = String(after[table.key]);
      const { countyCode } = before;
      audit({
        action: "update",
        entityType: table.entityType,
        entityId,
        countyCode,
        before: before.record,
        after,
      });
    },
    find: (table, where, scope) => findRows(tx, table, where, scope === "caller" ? callerScope : null),
    async relocate(table, field, values, regionCode) {
      await tx.query(`UPDATE ${table.table} SET region_code = $1 WHERE ${table.columns[field]} = ANY($2)`, [
        regionCode,
        values,
      ]);
    },
  };
}

/**
 * Runs a mutation's writes in one transaction on the pool: parameterised SQL built from the table
 * descriptions, the caller's scope on every row read, audit entries (before/after) appended in the
 * same transaction. Any failure rolls everything back; a violated unique constraint of the ledger
 * becomes its typed error.
 */
export async function writeLedger<R>(ctx: GatewayContext, work: (w: LedgerWriter) => Promise<R>): Promise<R> {
  const principal = ctx.principal;
  if (principal === null) {
    throw new GraphQLError("authentication required", { extensions: { code: "UNAUTHENTICATED" } });
  }
  const scope = principalRegion(ctx);
  await refuseWhenTooManyFailed(ctx, principal.id);
  try {
    return await ctx.services.sql.transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      const stamp = { principalId: principal.id, requestId: ctx.requestId, at: ctx.now() };
      const result = await work(createWriter(tx, scope, (entry) => entries.push({ ...entry, ...stamp })));
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
