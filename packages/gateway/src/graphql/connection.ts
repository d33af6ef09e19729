import type { ObjectRef } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import type { GatewayContext } from "../context.js";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { builder, type Types } from "./builder.js";
import { badUserInput } from "./errors.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./limits-config.js";
import { loadPage, type Page, type SqlCondition } from "./read/sql.js";
import { connectionPlan, selectedFields } from "./read/tree.js";
import { scopeSql } from "./scope.js";

/** Encodes a record key as an opaque cursor. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, "utf8").toString("base64url");
}

/** Decodes a cursor; a malformed one is a BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  // Only a cursor this API could have returned: random bytes decode to text that re-encodes differently.
  if (
    !text.startsWith("k:") ||
    text.length < 3 ||
    text.includes("\u0000") ||
    encodeCursor(text.slice(2)) !== cursor
  ) {
    throw badUserInput([{ path: "after", message: "is not a cursor this API returned" }]);
  }
  return text.slice(2);
}

/** Validation of `first`: at most the maximum page size. */
export const firstSchema = z
  .number()
  .int()
  .min(0, { error: "must not be negative" })
  .max(MAX_PAGE_SIZE, { error: `must be at most ${MAX_PAGE_SIZE} (the maximum page size)` });

/** How a connection's pages are ordered and its cursors made, when not by record key. */
export interface ConnectionOptions<T> {
  /** The cursor of a row (default: the encoded key). */
  readonly cursor?: (row: T) => string;
  /** The order of the records, as the description says it (default: "in id order"). */
  readonly order?: string;
}

/** Creates `<Name>Connection` and `<Name>Edge` for a record type. */
export function defineConnection<T>(
  name: string,
  node: ObjectRef<Types, string | T, T>,
  key: (row: T) => string,
  what: string,
  options: ConnectionOptions<T> = {},
): ObjectRef<Types, Page<T>> {
  const cursorOf = options.cursor ?? ((row: T) => encodeCursor(key(row)));
  const edge = builder.objectRef<T>(`${name}Edge`).implement({
    description: `One ${what} in a page, with its cursor.`,
    fields: (t) => ({
      cursor: t.string({
        description: "Cursor of this edge: pass it as `after` to read on.",
        resolve: cursorOf,
      }),
      // Generic T defeats Pothos' resolver-shape inference; the row is exactly the node shape.
      node: t.field({ type: node, description: `The ${what}.`, resolve: (row) => row as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    description: `A page of ${what} records ${options.order ?? "in id order"} (Relay cursor connection).`,
    fields: (t) => ({
      // The page size already multiplies the connection's cost; the lists inside count once.
      edges: t.field({
        type: [edge],
        description: "The records of this page with their cursors.",
        complexity: { field: 0, multiplier: 1 },
        resolve: (p) => p.rows,
      }),
      nodes: t.field({
        type: [node],
        description: "The records of this page.",
        complexity: { field: 0, multiplier: 1 },
        resolve: (p) => p.rows,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: "Cursors of this page and whether more pages exist.",
        resolve: (p) => {
          const first = p.rows[0];
          const last = p.rows.at(-1);
          return {
            hasNextPage: p.hasNextPage,
            hasPreviousPage: p.hasPreviousPage,
            startCursor: first === undefined ? null : cursorOf(first),
            endCursor: last === undefined ? null : cursorOf(last),
          };
        },
      }),
      totalCount: t.int({
        description: "How many records match the region and filter, across all pages.",
        complexity: 5,
        resolve: (p) => p.totalCount(),
      }),
    }),
  });
}

/**
 * Reads the page a connection field asks for, with the relations its records' selection follows, in
 * one statement (`read/tree.ts`).
 */
export function resolvePage<T>(
  ctx: GatewayContext,
  spec: LedgerTable<T>,
  regionCode: string,
  args: { readonly first?: number | null; readonly after?: string | null },
  conditions: readonly SqlCondition[],
  info: GraphQLResolveInfo,
): Promise<Page<T>> {
  const after = args.after ? decodeCursor(args.after) : null;
  return loadPage(ctx, connectionPlan(spec, info), {
    regionCode,
    conditions,
    withTotal: [...selectedFields(info).values()].some((n) => n[0]!.name.value === "totalCount"),
    first: args.first ?? DEFAULT_PAGE_SIZE,
    after,
  });
}

/** The cursor of a row of a `scopedPage` connection: its tag and its numeric id. */
export function idCursor(tag: string, id: string): string {
  return Buffer.from(`${tag}:${id}`, "utf8").toString("base64url");
}

/** The id an `after` cursor of a `scopedPage` connection stands for; a cursor of another connection is refused. */
function afterId(tag: string, after: string | null | undefined): string | null {
  if (!after) return null;
  const text = Buffer.from(after, "base64url").toString("utf8");
  if (!text.startsWith(`${tag}:`) || !/^[0-9]{1,18}$/.test(text.slice(tag.length + 1)))
    throw badUserInput([{ path: "after", message: "is not a cursor this API returned" }]);
  return text.slice(tag.length + 1);
}

/** A keyset-paged read of a table that is not a ledger table (submissions, sync runs): rows under a region, by id. */
export interface ScopedPageQuery {
  /** The table (a name in the code, never from the request). */
  readonly table: string;
  /** The select list, naming the view's fields. */
  readonly columns: string;
  /** The region, already checked against the caller's scope: rows of it and the regions under it. */
  readonly regionCode: string;
  /** Equality filters, column to value (already validated); a null or absent value filters nothing. */
  readonly equal?: Readonly<Record<string, string | null | undefined>>;
  /** The tag of the connection's cursors, so that one connection's cursor is refused by another. */
  readonly cursorTag: string;
  /** Highest id first (newest first); the default is oldest first. */
  readonly newestFirst?: boolean;
}

/**
 * Reads one page of a region-scoped table in id order after the cursor, one row more than asked to
 * know whether a next page exists; the total counts the filter without the cursor, when asked for.
 */
export async function scopedPage<T extends Record<string, unknown>>(
  ctx: GatewayContext,
  query: ScopedPageQuery,
  args: { readonly first?: number | null; readonly after?: string | null },
): Promise<Page<T>> {
  const params: unknown[] = [];
  let where = scopeSql(query.regionCode, params);
  for (const [column, value] of Object.entries(query.equal ?? {})) {
    if (value != null) where += ` AND ${column} = $${params.push(value)}`;
  }
  const filter = where;
  const countParams = [...params];
  const after = afterId(query.cursorTag, args.after);
  if (after !== null) where += ` AND id ${query.newestFirst ? "<" : ">"} $${params.push(after)}`;
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const rows = await ctx.services.sql.query<T>(
    `SELECT ${query.columns} FROM ${query.table} WHERE ${where} ORDER BY id${query.newestFirst ? " DESC" : ""} LIMIT $${params.push(first + 1)}`,
    params,
  );
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
    async totalCount() {
      const [c] = await ctx.services.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${query.table} WHERE ${filter}`,
        countParams,
      );
      return c!.n;
    },
  };
}
