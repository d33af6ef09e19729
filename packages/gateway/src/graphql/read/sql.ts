import type { GatewayContext } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { principalRegion, scopeSql } from "../scope.js";
import { compilePage, pageRecordOf, type ReadPlan } from "./tree.js";

/** A WHERE condition that appends its parameters and returns its SQL text. */
export type SqlCondition = (params: unknown[]) => string;

/** `column = value`. */
export function eq(column: string, value: unknown): SqlCondition {
  return (params) => {
    params.push(value);
    return `${column} = $${params.length}`;
  };
}

/** The least digit string after every one that starts with `digits` ("3609" for "3608"), null past "99…". */
function afterPrefix(digits: string): string | null {
  const stem = digits.replace(/9+$/, "");
  return stem === "" ? null : `${stem.slice(0, -1)}${Number(stem.at(-1)) + 1}`;
}

/**
 * `column` starts with `prefix`, for region codes (digits only, checked by the caller): the range
 * `column >= prefix AND column < next`, which a btree index on the column serves in a prepared
 * statement's generic plan (`LIKE $n` cannot use one there); digit strings sort alike in every collation.
 */
export function startsWith(column: string, prefix: string): SqlCondition {
  if (!/^[0-9]+$/.test(prefix)) throw new RangeError(`region code prefix ${prefix} is not digits`);
  return (params) => {
    const from = `${column} >= $${params.push(prefix)}`;
    const next = afterPrefix(prefix);
    return next === null ? from : `${from} AND ${column} < $${params.push(next)}`;
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

/**
 * Reads one page of a plan's table inside `regionCode` (already checked against the caller's scope)
 * with every relation the plan follows, in one statement; the total is counted in it when asked,
 * else lazily.
 */
export async function loadPage<T>(
  ctx: GatewayContext,
  plan: ReadPlan,
  options: {
    readonly regionCode: string;
    readonly conditions: readonly SqlCondition[];
    readonly first: number;
    readonly after: string | null;
    /** Count the total in the same statement (the selection asks for it). */
    readonly withTotal: boolean;
  },
): Promise<Page<T>> {
  const spec = plan.table;
  let base: unknown[] = [];
  let all = "";
  const query = compilePage(
    plan,
    principalRegion(ctx),
    (params) => {
      all = [
        scopeSql(options.regionCode, params, spec.scope),
        ...options.conditions.map((c) => c(params)),
      ].join(" AND ");
      base = [...params];
      if (options.after === null) return { page: all, all };
      params.push(options.after);
      return { page: `${all} AND ${spec.table}.${spec.columns[spec.key as never]} > $${params.length}`, all };
    },
    options.first + 1,
    options.withTotal,
  );
  const result = await ctx.services.sql.query<Record<string, unknown>>(query.text, query.params, {
    prepare: true,
    atLeastOneRow: true,
  });
  const rows = result.filter((r) => r["#k"] !== null).map((r) => pageRecordOf(plan, r) as T);
  let total: Promise<number> | null = options.withTotal
    ? Promise.resolve((result[0]?.["#total"] as number | null | undefined) ?? 0)
    : null;
  return {
    rows: rows.slice(0, options.first),
    hasNextPage: rows.length > options.first,
    hasPreviousPage: options.after !== null,
    totalCount() {
      total ??= ctx.services.sql
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.table} WHERE ${all}`, base)
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
