import { parseRegionCode } from "@fupin/domain";
import type { EnumRef, InputObjectRef, ObjectRef } from "@pothos/core";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { builder, type Types } from "./builder.js";
import { firstSchema, resolvePage } from "./connection.js";
import { badUserInput } from "./errors.js";
import { DEFAULT_PAGE_SIZE } from "./limits-config.js";
import { eq, type Page, type SqlCondition, startsWith } from "./read/sql.js";
import { requireRegion } from "./scope.js";

/** The input type of a filter field: a scalar or one of the domain's enums. */
export type FilterFieldType<V> = "String" | "Int" | "Boolean" | EnumRef<Types, V>;

/** A field of a list filter: its input type, its description and the condition a set value adds. */
export interface FilterField<V> {
  readonly type: FilterFieldType<V>;
  readonly description: string;
  /**
   * The condition of a set value (null: the query's `combined` conditions hold it); absent, the record
   * field of the same name must equal it.
   */
  where?(value: V): SqlCondition | null;
}

/** The fields of a list filter, by name. */
export type FilterFields = Readonly<Record<string, FilterField<unknown>>>;

/** The values a client sets in a filter of these fields (any may be absent or null). */
export type FilterValues<S extends FilterFields> = {
  readonly [K in keyof S]?: (S[K] extends FilterField<infer V> ? V : never) | null;
};

/** Filter fields, each declared once: its type, its description and, unless it is equality, its condition. */
export const match = {
  /** A text field. */
  string: (description: string, where?: (value: string) => SqlCondition | null): FilterField<string> => ({
    type: "String",
    description,
    where,
  }),
  /** A whole-number field (a year). */
  int: (description: string, where?: (value: number) => SqlCondition | null): FilterField<number> => ({
    type: "Int",
    description,
    where,
  }),
  /** A yes/no field. */
  boolean: (description: string, where?: (value: boolean) => SqlCondition | null): FilterField<boolean> => ({
    type: "Boolean",
    description,
    where,
  }),
  /** A field of one of the domain's enums. */
  enum: <V>(
    type: EnumRef<Types, V>,
    description: string,
    where?: (value: V) => SqlCondition | null,
  ): FilterField<V> => ({ type, description, where }),
};

/** A list filter: its input type and the fields it was built from. */
export interface ListFilter<S extends FilterFields> {
  readonly ref: InputObjectRef<Types, FilterValues<S>>;
  readonly fields: S;
}

/** Declares the input type `name` of a list filter, every field with the condition it adds. */
export function listFilter<S extends FilterFields>(
  name: string,
  { description, fields }: { readonly description: string; readonly fields: S },
): ListFilter<S> {
  const ref = builder.inputType(name, {
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(fields).map(([key, f]) => [
          key,
          t.field({ type: f.type as "String", description: f.description }),
        ]),
      ),
  });
  return { ref: ref as unknown as InputObjectRef<Types, FilterValues<S>>, fields };
}

/**
 * The conditions of the filter fields that are set, in declaration order: a field's own condition, or
 * `column = value` with the column of the record field of the same name.
 */
export function filterConditions<S extends FilterFields>(
  fields: S,
  columns: Readonly<Record<string, string>>,
  filter: FilterValues<S> | null | undefined,
): SqlCondition[] {
  if (!filter) return [];
  return Object.entries(fields).flatMap(([key, f]) => {
    const value = filter[key];
    if (value === null || value === undefined) return [];
    const condition = f.where ? f.where(value) : eq(columns[key]!, value);
    return condition ? [condition] : [];
  });
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

/** Adds `<name>(regionCode!, first, after, filter)` returning a scoped connection of a table's records. */
export function addListQuery<T, S extends FilterFields>(
  name: string,
  options: {
    readonly description: string;
    readonly spec: LedgerTable<T>;
    readonly connection: ObjectRef<Types, Page<T>>;
    readonly filter: ListFilter<S>;
    /** Conditions always applied (e.g. only villages). */
    readonly fixed?: readonly SqlCondition[];
    /** Conditions over several filter fields together (e.g. two fields about the same related row). */
    readonly combined?: (filter: FilterValues<S>) => readonly SqlCondition[];
  },
): void {
  const equality = Object.keys(options.filter.fields).filter((k) => !options.filter.fields[k]!.where);
  const unknown = equality.filter((k) => !(k in options.spec.columns));
  // A typo in a filter field would otherwise compare a column named "undefined".
  if (unknown.length > 0)
    throw new Error(`${name}: filter fields without a condition name no record field: ${unknown.join(", ")}`);
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
        filter: t.arg({ type: options.filter.ref, description: "Only records matching every set field." }),
      },
      complexity: (args) => ({ field: 2, multiplier: Math.max(1, args.first ?? DEFAULT_PAGE_SIZE) }),
      resolve: (_root, rawArgs, ctx, info) => {
        // Generic F defeats Pothos' argument inference; these are exactly the args declared above.
        const args = rawArgs as unknown as {
          regionCode: string;
          first?: number | null;
          after?: string | null;
          filter?: FilterValues<S> | null;
        };
        const region = requireRegion(ctx, args.regionCode);
        return resolvePage(
          ctx,
          options.spec,
          region,
          args,
          [
            ...(options.fixed ?? []),
            ...filterConditions(options.filter.fields, options.spec.columns, args.filter),
            ...(args.filter && options.combined ? options.combined(args.filter) : []),
          ],
          info,
        );
      },
    }),
  );
}
