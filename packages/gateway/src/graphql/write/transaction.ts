import type { DomainError, Result } from "@fupin/domain";
import type { EntityManager } from "@mikro-orm/postgresql";
import { GraphQLError } from "graphql";
import type { AuditEntry, GatewayContext } from "../../context.js";
import { domainFailure, notFound } from "../errors.js";
import type { TableSpec } from "../read/tables.js";
import { principalRegion } from "../scope.js";

/** A stored row: the record and the region and county it is filed under. */
export interface Stored<T> {
  readonly record: T;
  readonly regionCode: string;
  readonly countyCode: string;
}

/** Writes of one mutation, inside one transaction; audit entries are appended before it commits. */
export interface LedgerWriter {
  /** Locks and reads a record inside the caller's scope, or fails NOT_FOUND. */
  lock<T>(spec: TableSpec<T>, id: string): Promise<Stored<T>>;
  /** Whether a record with this key exists in the county (for references across townships). */
  existsInCounty<T>(spec: TableSpec<T>, id: string, countyCode: string): Promise<boolean>;
  insert<T>(spec: TableSpec<T>, record: T, regionCode: string): Promise<void>;
  update<T>(spec: TableSpec<T>, before: Stored<T>, after: T, regionCode?: string): Promise<void>;
  /** Runs SQL with `?` placeholders inside the transaction. */
  query<R extends Record<string, unknown>>(sql: string, params: readonly unknown[]): Promise<R[]>;
}

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

function isUniqueViolation(e: unknown): e is Error & { constraint?: string; detail?: string } {
  return e instanceof Error && (e as { code?: string }).code === "23505";
}

/** Unique constraints whose violation is an expected, typed failure. */
const UNIQUE_FAILURES: readonly { match: RegExp; code: string; message: string }[] = [
  {
    match: /member_id_number/,
    code: "MEMBER.DUPLICATE_ID_NUMBER",
    message: "this person (ID number) is already a member of a household",
  },
  {
    match: /household_county_code_household_number/,
    code: "HOUSEHOLD.DUPLICATE_NUMBER",
    message: "a household with this number is already registered in the county",
  },
  {
    match: /linkage_year_linkage_id_year/,
    code: "LINKAGE_YEAR.DUPLICATE",
    message: "this year is already recorded",
  },
  { match: /_pkey/, code: "LEDGER.DUPLICATE_ID", message: "a record with this id already exists" },
];

function uniqueFailure(e: Error & { constraint?: string; detail?: string }): GraphQLError | null {
  const text = `${e.constraint ?? ""} ${e.message}`;
  const hit = UNIQUE_FAILURES.find((f) => f.match.test(text));
  return hit ? new GraphQLError(hit.message, { extensions: { code: hit.code } }) : null;
}

function snakeToField<T>(spec: TableSpec<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(spec.columns) as [string, string][]) out[field] = row[column];
  return out as T;
}

/**
 * Runs a mutation's writes in one transaction on a forked EntityManager: plain parameterised SQL, the
 * caller's scope on every row read, audit entries (before/after) appended in the same transaction.
 * Any failure rolls everything back.
 */
export async function writeLedger<R>(ctx: GatewayContext, work: (w: LedgerWriter) => Promise<R>): Promise<R> {
  const principal = ctx.principal;
  if (principal === null) {
    throw new GraphQLError("authentication required", { extensions: { code: "UNAUTHENTICATED" } });
  }
  const scope = principalRegion(ctx);
  try {
    return await ctx.services.orm.em.fork().transactional(async (tx: EntityManager) => {
      const entries: AuditEntry[] = [];
      const audit = (
        action: AuditEntry["action"],
        entityType: string,
        entityId: string,
        countyCode: string,
        before: unknown,
        after: unknown,
      ) =>
        entries.push({
          principalId: principal.id,
          action,
          entityType,
          entityId,
          countyCode,
          before,
          after,
          requestId: ctx.requestId,
          at: ctx.now(),
        });
      const run = <Row extends Record<string, unknown>>(sql: string, params: readonly unknown[]) =>
        tx.execute<Row[]>(sql, [...params]);
      const scopeWhere = (): [string, unknown[]] =>
        scope.length >= 6
          ? ["county_code = ? AND region_code LIKE ?", [scope.slice(0, 6), `${scope}%`]]
          : ["county_code LIKE ?", [`${scope}%`]];
      const writer: LedgerWriter = {
        async lock<T>(spec: TableSpec<T>, id: string) {
          const [where, params] = scopeWhere();
          const rows = await run<{ row: Record<string, unknown> }>(
            `SELECT to_jsonb(t.*) AS row FROM ${spec.table} t WHERE ${spec.key} = ? AND ${where} FOR UPDATE`,
            [id, ...params],
          );
          const row = rows[0]?.row;
          if (!row) throw notFound(spec.entityType, id);
          return {
            record: snakeToField(spec, row),
            regionCode: String(row.region_code),
            countyCode: String(row.county_code),
          };
        },
        async existsInCounty<T>(spec: TableSpec<T>, id: string, countyCode: string) {
          const rows = await run(
            `SELECT 1 AS one FROM ${spec.table} WHERE ${spec.key} = ? AND county_code = ?`,
            [id, countyCode],
          );
          return rows.length > 0;
        },
        async insert<T>(spec: TableSpec<T>, record: T, regionCode: string) {
          const fields = (Object.keys(spec.columns) as (keyof T & string)[]).filter(
            (f) => spec.columns[f] !== "region_code",
          );
          const countyCode = regionCode.slice(0, 6);
          await run(
            `INSERT INTO ${spec.table} (county_code, region_code, ${fields.map((f) => spec.columns[f]).join(", ")}) VALUES (?, ?, ${fields.map(() => "?").join(", ")})`,
            [countyCode, regionCode, ...fields.map((f) => toParam(record[f]))],
          );
          audit("create", spec.entityType, String(record[spec.key]), countyCode, null, record);
        },
        async update<T>(spec: TableSpec<T>, before: Stored<T>, after: T, regionCode = before.regionCode) {
          const fields = (Object.keys(spec.columns) as (keyof T & string)[]).filter(
            (f) => spec.columns[f] !== "region_code" && f !== spec.key,
          );
          await run(
            `UPDATE ${spec.table} SET region_code = ?, ${fields.map((f) => `${spec.columns[f]} = ?`).join(", ")}, updated_at = now(), version = version + 1 WHERE ${spec.key} = ?`,
            [regionCode, ...fields.map((f) => toParam(after[f])), String(after[spec.key])],
          );
          audit("update", spec.entityType, String(after[spec.key]), before.countyCode, before.record, after);
        },
        query: run,
      };
      const result = await work(writer);
      await ctx.services.audit.append(entries, tx);
      return result;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const typed = uniqueFailure(e);
      if (typed) throw typed;
    }
    throw e;
  }
}
