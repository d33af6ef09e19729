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
