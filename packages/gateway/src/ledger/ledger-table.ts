import { BigIntType, EntitySchema, ReferenceKind, UnderscoreNamingStrategy } from "@mikro-orm/core";

/** How a table is scoped: by the row's region (most tables) or county-wide (the industry catalogue). */
export type TableScope = "region" | "county";

/** The MikroORM property options of one column (build them with `column`). */
export type Column = {
  readonly kind?: ReferenceKind;
  readonly type?: unknown;
  readonly [option: string]: unknown;
};

type Nullable = { readonly nullable?: boolean };

function orNull(options: Nullable = {}): { nullable?: true } {
  return options.nullable ? { nullable: true } : {};
}

/** Column kinds of the ledger: each maps a domain field type to one PostgreSQL type. */
export const column = {
  /** `text`. */
  text: (o?: Nullable): Column => ({ type: "text", ...orNull(o) }),
  /** `integer`. */
  int: (o?: Nullable): Column => ({ type: "integer", ...orNull(o) }),
  /** Money in integer fen: `bigint`, read as a JavaScript number. */
  money: (o?: Nullable): Column => ({ type: new BigIntType("number"), ...orNull(o) }),
  /** A measure with a fraction (months worked, land area in mu): `double precision`, read as a number. */
  decimal: (o?: Nullable): Column => ({ type: "double", runtimeType: "number", ...orNull(o) }),
  /** `boolean`. */
  bool: (o?: Nullable): Column => ({ type: "boolean", ...orNull(o) }),
  /** A calendar date (`date`), read as 'YYYY-MM-DD'. */
  date: (o?: Nullable): Column => ({ type: "date", ...orNull(o) }),
  /** Arrays and objects: `jsonb`. */
  json: (o?: Nullable): Column => ({ type: "json", ...orNull(o) }),
  /** `text` restricted to the domain's values (a check constraint). */
  oneOf: (items: readonly string[], o?: Nullable): Column => ({
    enum: true,
    items: () => [...items],
    type: "text",
    columnType: "text",
    ...orNull(o),
  }),
  /** The key of a record of another table (a foreign key, indexed), kept as the plain key. */
  ref: (entity: string, o?: Nullable): Column => ({
    kind: ReferenceKind.MANY_TO_ONE,
    entity,
    mapToPk: true,
    index: true,
    deleteRule: "no action",
    updateRule: "no action",
    ...orNull(o),
  }),
  /** A region code kept as text and indexed, not a foreign key (the region may be filed elsewhere). */
  regionCode: (o?: Nullable): Column => ({ type: "text", index: true, ...orNull(o) }),
};

/** The row fields of a record type as strings. */
type Field<T> = keyof T & string;

/** What a violated unique constraint means to a client: the domain's code, a message and the input field. */
export interface UniqueFailure {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** A unique constraint over record fields (`countyCode`: the row's county), and what its violation means. */
export interface UniqueRule<T> {
  readonly fields: readonly (Field<T> | "countyCode")[];
  /** Absent: a violation is not an expected failure (a server error). */
  readonly failure?: UniqueFailure;
}

/** One ledger table: its MikroORM description and what the read path, writer and seed derive from it. */
export interface LedgerTable<T> {
  /** The MikroORM description of the table (columns, types, keys, checks, indexes). */
  readonly schema: EntitySchema;
  readonly table: string;
  /** The domain entity type name used in audit entries and error messages. */
  readonly entityType: string;
  readonly key: Field<T>;
  readonly scope: TableScope;
  /** Column of each record field. */
  readonly columns: { readonly [K in Field<T>]: string };
  /** Record fields stored as jsonb. */
  readonly jsonFields: ReadonlySet<string>;
  /** Record fields holding money (bigint fen). */
  readonly moneyFields: ReadonlySet<string>;
  /** Record fields stored as `text` (plain, enumerations and references). */
  readonly textFields: ReadonlySet<string>;
  /** `column AS "field", …` of every column, computed once. */
  readonly select: string;
  /** Fields of the record's API type that are not columns, with the record fields they read. */
  readonly derived: Readonly<Record<string, readonly string[]>>;
  /** The select list of some record fields (memoised). */
  selectOf(fields: readonly string[] | null): string;
  /** Expected failures by the name of the unique constraint (the primary key included). */
  readonly uniqueFailures: ReadonlyMap<string, UniqueFailure>;
  /** The unique constraints besides the key (an import checks a file against them before writing). */
  readonly uniques: readonly { readonly fields: readonly string[]; readonly failure?: UniqueFailure }[];
}

/** What describes a ledger table: the domain record's fields as columns, plus keys and constraints. */
export interface LedgerTableDefinition<T> {
  /** MikroORM entity name (referred to by `column.ref`). */
  readonly name: string;
  readonly table: string;
  readonly entityType?: string;
  /** Primary key field (default `id`). */
  readonly key?: Field<T>;
  readonly scope?: TableScope;
  /** Every field of the domain record: adding a field to the record fails to compile until it is here. */
  readonly columns: { readonly [K in Field<T>]-?: Column };
  /** Unique constraints besides the key. */
  readonly uniques?: readonly UniqueRule<T>[];
  /** Indexes over several fields, for the lookups a read makes by all of them (each ref has its own). */
  readonly indexes?: readonly (readonly Field<T>[])[];
  /** Pattern of the county code (default: six digits). */
  readonly countyPattern?: string;
  readonly derived?: Readonly<Record<string, readonly Field<T>[]>>;
}

const naming = new UnderscoreNamingStrategy();

/** Column name of a record field (MikroORM's underscore naming). */
export function columnName(field: string): string {
  return naming.propertyToColumnName(field);
}

function selectList(fields: readonly string[]): string {
  return fields.map((f) => (columnName(f) === f ? f : `${columnName(f)} AS "${f}"`)).join(", ");
}

/** The name MikroORM gives a unique constraint over `fields` of `table`. */
export function uniqueName(table: string, fields: readonly string[]): string {
  return `${table}_${fields.map(columnName).join("_")}_unique`;
}

/** Columns every ledger table carries: scope key, timestamps and the optimistic-lock version. */
function scopeColumns(): Record<string, Column> {
  return {
    countyCode: { type: "text" },
    regionCode: { type: "text" },
    createdAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
    updatedAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
    version: { type: "integer", default: 1 },
  };
}

function entitySchema<T>(def: LedgerTableDefinition<T>, key: string): EntitySchema {
  const properties: Record<string, Column> = { ...scopeColumns() };
  for (const [field, col] of Object.entries(def.columns) as [string, Column][]) {
    const name = columnName(field);
    const named = col.kind === ReferenceKind.MANY_TO_ONE ? { joinColumn: name } : { fieldName: name };
    properties[field] = { ...col, ...named, ...(field === key ? { primary: true } : {}) };
  }
  const pattern = def.countyPattern ?? "^[0-9]{6}$";
  return new EntitySchema({
    name: def.name,
    tableName: def.table,
    properties,
    uniques: (def.uniques ?? []).map((u) => ({
      name: uniqueName(def.table, u.fields),
      properties: [...u.fields],
    })),
    indexes: [
      {
        name: `${def.table}_scope_idx`,
        expression: `create index "${def.table}_scope_idx" on "${def.table}" ("county_code", "region_code" text_pattern_ops)`,
      },
      ...(def.indexes ?? []).map((fields) => ({ properties: [...fields] })),
    ],
    checks: [{ name: `${def.table}_county_code_check`, expression: `county_code ~ '${pattern}'` }],
  } as ConstructorParameters<typeof EntitySchema>[0]);
}

const DUPLICATE_ID: UniqueFailure = {
  code: "LEDGER.DUPLICATE_ID",
  message: "a record with this id already exists",
};

function uniqueFailures<T>(def: LedgerTableDefinition<T>): Map<string, UniqueFailure> {
  const out = new Map<string, UniqueFailure>([[`${def.table}_pkey`, DUPLICATE_ID]]);
  for (const u of def.uniques ?? []) if (u.failure) out.set(uniqueName(def.table, u.fields), u.failure);
  return out;
}

/** Describes a ledger table once; the ORM schema, the read path's column map and the writer's columns derive from it. */
export function defineLedgerTable<T>(def: LedgerTableDefinition<T>): LedgerTable<T> {
  const key = def.key ?? ("id" as Field<T>);
  const fields = Object.keys(def.columns) as Field<T>[];
  const columns = Object.fromEntries(fields.map((f) => [f, columnName(f)])) as {
    readonly [K in Field<T>]: string;
  };
  const select = selectList(fields);
  const memo = new Map<string, string>();
  return {
    schema: entitySchema(def, key),
    table: def.table,
    entityType: def.entityType ?? def.table,
    key,
    scope: def.scope ?? "region",
    columns,
    jsonFields: new Set(fields.filter((f) => def.columns[f].type === "json")),
    moneyFields: new Set(fields.filter((f) => def.columns[f].type instanceof BigIntType)),
    // Every key is text, so a reference is too.
    textFields: new Set(
      fields.filter(
        (f) => def.columns[f].type === "text" || def.columns[f].kind === ReferenceKind.MANY_TO_ONE,
      ),
    ),
    select,
    derived: def.derived ?? {},
    uniqueFailures: uniqueFailures(def),
    uniques: def.uniques ?? [],
    selectOf(wanted) {
      if (wanted === null) return select;
      const ordered = fields.filter((f) => wanted.includes(f));
      const id = ordered.join(",");
      let text = memo.get(id);
      if (text === undefined) {
        text = selectList(ordered);
        memo.set(id, text);
      }
      return text;
    },
  };
}
