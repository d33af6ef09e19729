import { parseRegionCode } from "@fupin/domain";
import type { InputObjectRef, ObjectRef } from "@pothos/core";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { builder, type Types } from "./builder.js";
import { firstSchema, resolvePage } from "./connection.js";
import { badUserInput } from "./errors.js";
import { DEFAULT_PAGE_SIZE } from "./limits-config.js";
import { eq, type Page, type SqlCondition, startsWith } from "./read/sql.js";
import { requireRegion } from "./scope.js";

/** Maps each set filter field to its SQL condition. */
export type FilterConditions<F> = { readonly [K in keyof F]?: (value: NonNullable<F[K]>) => SqlCondition };

/** The conditions of the filter fields that are set. */
export function conditionsOf<F extends object>(
  filter: F | null | undefined,
  map: FilterConditions<F>,
): SqlCondition[] {
  if (!filter) return [];
  const out: SqlCondition[] = [];
  for (const key of Object.keys(map) as (keyof F)[]) {
    const value = filter[key];
    const toCondition = map[key];
    if (value !== null && value !== undefined && toCondition)
      out.push(toCondition(value as NonNullable<F[typeof key]>));
  }
  return out;
}

/**
 * A filter on rows under a region code (`column LIKE 'code%'`): a malformed code is BAD_USER_INPUT
 * naming `filter.<field>`, never an empty prefix that matches everything; full-width digits are
 * normalised as in every input.
 */
export function underRegion(column: string, field: string): (value: string) => SqlCondition {
  return (value) => {
    const parsed = parseRegionCode(value);
    if (!parsed.ok) throw badUserInput([{ path: `filter.${field}`, message: parsed.error.message }]);
    return startsWith(column, parsed.value.code);
  };
}

/** `column = value` for each of `fields` set in the filter, the column taken from the table description. */
function equalities<T, F extends object>(
  table: LedgerTable<T>,
  fields: readonly (keyof F & keyof T & string)[],
  filter: F | null | undefined,
): SqlCondition[] {
  if (!filter) return [];
  return fields.flatMap((f) => {
    const value = filter[f];
    return value === null || value === undefined ? [] : [eq(table.columns[f], value)];
  });
}

/** Adds `<name>(regionCode!, first, after, filter)` returning a scoped connection of a table's records. */
export function addListQuery<T, F extends object>(
  name: string,
  options: {
    readonly description: string;
    readonly spec: LedgerTable<T>;
    readonly connection: ObjectRef<Types, Page<T>>;
    readonly filter: InputObjectRef<Types, F>;
    /** Filter fields that match the record field of the same name by equality. */
    readonly equals?: readonly (keyof F & keyof T & string)[];
    /** Filter fields with conditions of their own. */
    readonly conditions?: FilterConditions<F>;
    /** Conditions always applied (e.g. only villages). */
    readonly fixed?: readonly SqlCondition[];
    /** Conditions over several filter fields together (e.g. two fields about the same related row). */
    readonly combined?: (filter: F) => readonly SqlCondition[];
  },
): void {
  builder.queryField(name, (t) =>
    t.field({
      type: options.connection,
      description: options.description,
      authScopes: { ledgerRead: true },
      args: {
        regionCode: t.arg.string({
          required: true,
          description: "Region (province … village code) to read; must lie inside the caller's scope.",
        }),
        first: t.arg.int({
          description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most 100).`,
          validate: firstSchema,
        }),
        after: t.arg.string({ description: "Cursor after which the page starts (`pageInfo.endCursor`)." }),
        filter: t.arg({ type: options.filter, description: "Only records matching every set field." }),
      },
      complexity: (args) => ({ field: 2, multiplier: Math.max(1, args.first ?? DEFAULT_PAGE_SIZE) }),
      resolve: (_root, rawArgs, ctx, info) => {
        // Generic F defeats Pothos' argument inference; these are exactly the args declared above.
        const args = rawArgs as unknown as {
          regionCode: string;
          first?: number | null;
          after?: string | null;
          filter?: F | null;
        };
        const region = requireRegion(ctx, args.regionCode);
        return resolvePage(
          ctx,
          options.spec,
          region,
          args,
          [
            ...(options.fixed ?? []),
            ...equalities(options.spec, options.equals ?? [], args.filter),
            ...conditionsOf(args.filter, options.conditions ?? {}),
            ...(args.filter && options.combined ? options.combined(args.filter) : []),
          ],
          info,
        );
      },
    }),
  );
}
