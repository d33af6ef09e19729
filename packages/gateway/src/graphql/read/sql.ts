import type { GatewayContext } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { principalRegion, scopeSql } from "../scope.js";

/** A WHERE condition that appends its parameters and returns its SQL text. */
export type SqlCondition = (params: unknown[]) => string;

/** `column = value`. */
export function eq(column: string, value: unknown): SqlCondition {
  return (params) => {
    params.push(value);
    return `${column} = $${params.length}`;
  };
}

/** `column LIKE 'prefix%'` for region codes (digits only, checked by the caller). */
export function startsWith(column: string, prefix: string): SqlCondition {
  return (params) => {
    params.push(`${prefix}%`);
    return `${column} LIKE $${params.length}`;
  };
}

/** Any SQL with `?` placeholders, numbered in order. */
export function sqlWhere(text: string, ...values: unknown[]): SqlCondition {
  return (params) => {
    let i = 0;
    return text.replace(/\?/g, () => {
      params.push(values[i++]);
      return `$${params.length}`;
    });
  };
}

/** `column` (a date) falls in `year`: a half-open range, so an index on the column serves it. */
export function dateInYear(column: string, year: unknown): SqlCondition {
  return sqlWhere(
    `${column} >= make_date(?::int, 1, 1) AND ${column} < make_date(?::int + 1, 1, 1)`,
    year,
    year,
  );
}

/** One page of rows in id order, with whether more follow and a lazy total. */
export interface Page<T> {
  readonly rows: readonly T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: () => Promise<number>;
}

/** Reads one page of a table inside `regionCode` (already checked against the caller's scope). */
export async function loadPage<T>(
  ctx: GatewayContext,
  spec: LedgerTable<T>,
  options: {
    readonly regionCode: string;
    readonly conditions: readonly SqlCondition[];
    readonly first: number;
    readonly after: string | null;
    /** Row fields to read (null: all). */
    readonly fields?: readonly string[] | null;
  },
): Promise<Page<T>> {
  const base: unknown[] = [];
  const where = [scopeSql(options.regionCode, base, spec.scope), ...options.conditions.map((c) => c(base))];
  const params = [...base];
  const pageWhere = [...where];
  if (options.after !== null) {
    params.push(options.after);
    pageWhere.push(`${spec.key} > $${params.length}`);
  }
  params.push(options.first + 1);
  const rows = await ctx.services.sql.query<T & Record<string, unknown>>(
    `SELECT ${spec.selectOf(options.fields ?? null)} FROM ${spec.table} WHERE ${pageWhere.join(" AND ")} ORDER BY ${spec.key} LIMIT $${params.length}`,
    params,
  );
  let total: Promise<number> | null = null;
  return {
    rows: rows.slice(0, options.first),
    hasNextPage: rows.length > options.first,
    hasPreviousPage: options.after !== null,
    totalCount: () => {
      total ??= ctx.services.sql
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${spec.table} WHERE ${where.join(" AND ")}`,
          base,
        )
        .then((r) => r[0]?.n ?? 0);
      return total;
    },
  };
}

/** Loads rows by key inside the caller's scope, in the order of `keys` (null where missing or out of scope). */
export async function loadByKeys<T>(
  ctx: GatewayContext,
  spec: LedgerTable<T>,
  keys: readonly string[],
): Promise<(T | null)[]> {
  const params: unknown[] = [keys];
  const rows = await ctx.services.sql.query<T & Record<string, unknown>>(
    `SELECT ${spec.select} FROM ${spec.table} WHERE ${spec.key} = ANY($1::text[]) AND ${scopeSql(principalRegion(ctx), params, spec.scope)}`,
    params,
  );
  const byKey = new Map(rows.map((r) => [String(r[spec.key]), r as T]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Loads the rows whose `column` is one of `keys`, inside the caller's scope, grouped in the order of `keys`. */
export async function loadGrouped<T>(
  ctx: GatewayContext,
  spec: LedgerTable<T>,
  field: keyof T & string,
  keys: readonly string[],
  fields: readonly string[] | null = null,
): Promise<T[][]> {
  const params: unknown[] = [keys];
  const rows = await ctx.services.sql.query<T & Record<string, unknown>>(
    `SELECT ${spec.selectOf(fields)} FROM ${spec.table} WHERE ${spec.columns[field]} = ANY($1::text[]) AND ${scopeSql(principalRegion(ctx), params, spec.scope)} ORDER BY ${spec.key}`,
    params,
  );
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) groups.get(String(r[field]))?.push(r as T);
  return keys.map((k) => groups.get(k) ?? []);
}
