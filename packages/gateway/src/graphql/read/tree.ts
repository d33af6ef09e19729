import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  getNamedType,
  isObjectType,
  type SelectionSetNode,
} from "graphql";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { scopeSql } from "../scope.js";
import { rowFieldsOf } from "./selection.js";

/**
 * How a field of a record type follows a relation, set as the GraphQL field's `extensions.relation`:
 * `one` — the parent's `field` holds the key of one record of the field's type; `many` — the records
 * of the field's type whose `field` holds the parent's key.
 */
export interface RelationExtension {
  readonly kind: "one" | "many";
  readonly field: string;
}

const tables = new Map<string, LedgerTable<unknown>>();

/** Records which table a GraphQL record type reads (done once per type, by `refs.ts`). */
export function registerRecordType(typeName: string, table: LedgerTable<never>): void {
  tables.set(typeName, table as LedgerTable<unknown>);
}

/** What one level of a request reads: columns of a table and the relations followed below it. */
export interface ReadPlan {
  readonly table: LedgerTable<unknown>;
  /** Row fields to read (null: all). */
  readonly fields: readonly string[] | null;
  readonly relations: readonly PlannedRelation[];
}

interface PlannedRelation extends RelationExtension {
  /** The response key (alias or field name) the relation is answered under. */
  readonly key: string;
  readonly plan: ReadPlan;
}

type Fragments = Record<string, FragmentDefinitionNode>;

function collect(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  out: Map<string, FieldNode[]>,
): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === "Field") {
      const key = s.alias?.value ?? s.name.value;
      const same = out.get(key);
      if (same) same.push(s);
      else out.set(key, [s]);
    } else if (s.kind === "InlineFragment") collect(s.selectionSet, fragments, out);
    else collect(fragments[s.name.value]?.selectionSet, fragments, out);
  }
}

/** The fields below some field nodes, grouped by response key (fragments flattened). */
function fieldsByKey(nodes: readonly FieldNode[], fragments: Fragments): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  for (const n of nodes) collect(n.selectionSet, fragments, out);
  return out;
}

function relationOf(field: GraphQLField<unknown, unknown> | undefined): RelationExtension | undefined {
  return field?.extensions?.relation as RelationExtension | undefined;
}

/**
 * The plan of a selection on a record type: the columns it needs and, for every selected field that
 * follows a relation (without arguments), the plan below it. Null for a type no table is known for.
 */
export function planOf(
  typeName: string,
  fieldTypes: Record<string, GraphQLField<unknown, unknown>>,
  nodes: readonly FieldNode[],
  fragments: Fragments,
): ReadPlan | null {
  const table = tables.get(typeName);
  if (!table) return null;
  const byKey = fieldsByKey(nodes, fragments);
  const relations: PlannedRelation[] = [];
  for (const [key, same] of byKey) {
    const name = same[0]!.name.value;
    const def = fieldTypes[name];
    const relation = relationOf(def);
    if (!relation || !def || same.some((n) => n.name.value !== name || (n.arguments?.length ?? 0) > 0))
      continue;
    const target = getNamedType(def.type);
    if (!isObjectType(target)) continue;
    const plan = planOf(target.name, target.getFields(), same, fragments);
    if (plan) relations.push({ key, kind: relation.kind, field: relation.field, plan });
  }
  return { table, fields: rowFieldsOf(table, [...byKey.values()].flat()), relations };
}

/** Builds one statement's SQL: parameters and the scope predicate shared by every level. */
class TreeSql {
  readonly params: unknown[] = [];
  private aliases = 0;
  private readonly scopes = new Map<string, string>();

  constructor(private readonly region: string) {}

  alias(): string {
    return `t${++this.aliases}`;
  }

  /** The caller's scope on a table aliased `alias` (parameters bound once per statement). */
  scope(table: LedgerTable<unknown>, alias: string): string {
    let text = this.scopes.get(table.scope);
    if (text === undefined) {
      text = scopeSql(this.region, this.params, table.scope, "\u0000");
      this.scopes.set(table.scope, text);
    }
    return text.replaceAll("\u0000", alias);
  }

  /**
   * A record of `plan` for the row aliased `alias` (`recordOf` reads it back): its text fields in one
   * text[], which PostgreSQL converts to JSON with one type lookup for all of them (an object built
   * pair by pair looks up the type of every key and value of every row); with other fields or
   * relations, a JSON array of that text[], the other fields and the relations.
   */
  record(plan: ReadPlan, alias: string): string {
    const t = plan.table;
    const layout = layoutOf(plan);
    const column = (f: string) => `${alias}.${t.columns[f as never]}`;
    const text = `ARRAY[${layout.text.map(column).join(", ")}]::text[]`;
    if (layout.flat) return text;
    const parts = [text];
    for (const f of layout.other) parts.push(valueSql(t, f, column(f)));
    for (const r of plan.relations) parts.push(this.relation(plan, r, alias));
    return jsonArray(parts);
  }

  /**
   * The select list of a page's records, one row each (`pageRecordOf` reads it back): every field a
   * column named after it, which the driver converts by type, and relation `i` as JSON named `#i`
   * (`#` is in no GraphQL name, so no response key meets these columns or `#k` and `#total`).
   */
  columns(plan: ReadPlan, alias: string): string {
    const t = plan.table;
    const list = (plan.fields ?? Object.keys(t.columns)).map(
      (f) => `${valueSql(t, f, `${alias}.${t.columns[f as never]}`)} AS "${f}"`,
    );
    plan.relations.forEach((r, i) => {
      list.push(`${this.relation(plan, r, alias)} AS "#${i}"`);
    });
    return list.join(", ");
  }

  private relation(parent: ReadPlan, r: PlannedRelation, alias: string): string {
    const t = r.plan.table;
    const a = this.alias();
    const key = `${a}.${t.columns[t.key as never]}`;
    const scoped = this.scope(t, a);
    if (r.kind === "one") {
      const on = `${key} = ${alias}.${parent.table.columns[r.field as never]}`;
      return `(SELECT ${this.record(r.plan, a)} FROM ${t.table} ${a} WHERE ${on} AND ${scoped})`;
    }
    const on = `${a}.${t.columns[r.field as never]} = ${alias}.${parent.table.columns[parent.table.key as never]}`;
    const record = this.record(r.plan, a);
    // Text-only records: one JSON conversion of a two-dimensional text[] for the whole list.
    if (layoutOf(r.plan).flat)
      return `to_json(ARRAY(SELECT ${record} FROM ${t.table} ${a} WHERE ${on} AND ${scoped} ORDER BY ${key}))`;
    return `(SELECT coalesce(json_agg(${record} ORDER BY ${key}), '[]'::json) FROM ${t.table} ${a} WHERE ${on} AND ${scoped})`;
  }
}

/** Where a plan's fields sit in its records' JSON (`TreeSql.record`). */
interface Layout {
  readonly text: readonly string[];
  readonly other: readonly string[];
  /** Only text fields and no relations: a record is its text[] alone. */
  readonly flat: boolean;
  /** Each field in the plan's order with its place: i >= 0 in the text[], -1 - i the i-th element after it. */
  readonly places: readonly (readonly [string, number])[];
}

const layouts = new WeakMap<ReadPlan, Layout>();

function layoutOf(plan: ReadPlan): Layout {
  let layout = layouts.get(plan);
  if (layout) return layout;
  const t = plan.table;
  const text: string[] = [];
  const other: string[] = [];
  const places = (plan.fields ?? Object.keys(t.columns)).map((f): [string, number] =>
    t.textFields.has(f) ? [f, text.push(f) - 1] : [f, -other.push(f)],
  );
  layout = { text, other, flat: other.length === 0 && plan.relations.length === 0, places };
  layouts.set(plan, layout);
  return layout;
}

/** The record object the resolvers read (row fields, relations under `@key`) of one record's JSON. */
export function recordOf(plan: ReadPlan, json: readonly unknown[]): Record<string, unknown> {
  const { other, flat, places } = layoutOf(plan);
  const text = (flat ? json : json[0]) as readonly unknown[];
  const out: Record<string, unknown> = {};
  for (const [f, i] of places) out[f] = i >= 0 ? text[i] : json[-i];
  let next = 1 + other.length;
  for (const r of plan.relations) out[`@${r.key}`] = relatedRecords(r, json[next++]);
  return out;
}

/**
 * The record object of one row of a page read by `compilePage` (`TreeSql.columns`): the row itself,
 * its relations' records added under `@key`.
 */
export function pageRecordOf(plan: ReadPlan, row: Record<string, unknown>): Record<string, unknown> {
  plan.relations.forEach((r, i) => {
    row[`@${r.key}`] = relatedRecords(r, row[`#${i}`]);
  });
  return row;
}

/** The records a relation read, from their JSON. */
function relatedRecords(r: PlannedRelation, value: unknown): unknown {
  if (r.kind === "many") return (value as unknown[][]).map((v) => recordOf(r.plan, v));
  return value === null ? null : recordOf(r.plan, value as unknown[]);
}

const MAX_SAFE = "9007199254740991";

/** A column's JSON value; money past 2^53 fails the statement rather than losing precision in JSON. */
function valueSql(table: LedgerTable<unknown>, field: string, column: string): string {
  if (!table.moneyFields.has(field)) return column;
  return `CASE WHEN abs(${column}) <= ${MAX_SAFE} THEN ${column} ELSE (${column}::text || ' fen is beyond the safe integer range')::bigint END`;
}

/** `json_build_array` of values (PostgreSQL takes at most 100 arguments: longer ones are joined). */
function jsonArray(values: readonly string[]): string {
  if (values.length <= 100) return `json_build_array(${values.join(", ")})`;
  const parts: string[] = [];
  for (let i = 0; i < values.length; i += 100)
    parts.push(`jsonb_build_array(${values.slice(i, i + 100).join(", ")})`);
  return `(${parts.join(" || ")})::json`;
}

/** A page query of a connection, compiled into one statement. */
export interface TreeQuery {
  readonly text: string;
  readonly params: readonly unknown[];
}

/**
 * One statement reading a page of `plan`'s table with everything below it: a row per record in key
 * order (at most `limit`; `#k` its key, the rest as `TreeSql.columns` writes them: read them with
 * `pageRecordOf`), each with `#total` (rows matching `where`, when asked; else null). It always
 * answers at least one row: an empty page is one row whose `#k` is null. The root table is not
 * aliased (conditions name it by its table name); every level carries the caller's scope
 * (`principalRegion`).
 */
export function compilePage(
  plan: ReadPlan,
  principalRegion: string,
  where: (params: unknown[]) => { readonly page: string; readonly all: string },
  limit: number,
  withTotal: boolean,
): TreeQuery {
  // The limit is written into the text, not bound: a prepared statement's generic plan then knows it.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit ${limit} is not a row count`);
  const params: unknown[] = [];
  const conditions = where(params);
  let compiled = compiledPages.get(plan);
  if (!compiled) {
    compiled = new Map();
    compiledPages.set(plan, compiled);
  }
  // Everything else in the statement follows from these; the conditions' values stay out of it.
  const key = `${principalRegion}\u0000${limit}\u0000${withTotal}\u0000${params.length}\u0000${conditions.page}\u0000${conditions.all}`;
  let page = compiled.get(key);
  if (!page) {
    page = compileStatement(plan, principalRegion, params.length, conditions, limit, withTotal);
    if (compiled.size >= MAX_COMPILED_PAGES) compiled.clear();
    compiled.set(key, page);
  }
  // The same text object every time: the prepared-statement lookup then hashes no SQL text.
  return { text: page.text, params: page.scope.length === 0 ? params : params.concat(page.scope) };
}

/** A page statement's text and the scope parameters its select list binds after the conditions' ones. */
interface CompiledPage {
  readonly text: string;
  readonly scope: readonly unknown[];
}

/** Most compiled page statements kept per plan (a plan belongs to one parsed document's field). */
const MAX_COMPILED_PAGES = 64;
const compiledPages = new WeakMap<ReadPlan, Map<string, CompiledPage>>();

function compileStatement(
  plan: ReadPlan,
  principalRegion: string,
  conditionParams: number,
  conditions: { readonly page: string; readonly all: string },
  limit: number,
  withTotal: boolean,
): CompiledPage {
  const b = new TreeSql(principalRegion);
  b.params.length = conditionParams;
  const t = plan.table;
  const key = `${t.table}.${t.columns[t.key as never]}`;
  const columns = b.columns(plan, t.table);
  const page = `SELECT ${key} AS "#k", ${columns} FROM ${t.table} WHERE ${conditions.page} ORDER BY ${key} LIMIT ${limit}`;
  const total = withTotal ? `(SELECT count(*)::int FROM ${t.table} WHERE ${conditions.all})` : "NULL::int";
  // One row on the outer side of the nested loop: the page's rows come out in the page's order.
  return {
    text: `SELECT c.n AS "#total", p.* FROM (SELECT ${total} AS n) c LEFT JOIN LATERAL (${page}) p ON true`,
    scope: b.params.slice(conditionParams),
  };
}

/**
 * The value a one-statement read already holds for this field of `row` (the relation answered under
 * the field's response key), or undefined when it was not read that way.
 */
export function prefetched(row: object, info: GraphQLResolveInfo): unknown {
  const key = `@${info.path.key}`;
  return key in row ? (row as Record<string, unknown>)[key] : undefined;
}

/** The response keys below a field (fragments flattened): `edges`, `nodes`, `totalCount`, … */
export function selectedFields(info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  return fieldsByKey(info.fieldNodes, info.fragments);
}

/** The field nodes of a connection's records (`edges { node }` and `nodes`). */
export function connectionNodes(info: GraphQLResolveInfo): FieldNode[] {
  const top = selectedFields(info);
  const out: FieldNode[] = [];
  for (const nodes of top.values()) {
    const name = nodes[0]!.name.value;
    if (name === "nodes") out.push(...nodes);
    else if (name === "edges") {
      for (const inner of fieldsByKey(nodes, info.fragments).values())
        if (inner[0]!.name.value === "node") out.push(...inner);
    }
  }
  return out;
}

const plans = new WeakMap<FieldNode, ReadPlan>();

/** The plan of a connection field's records (memoised per field node of a parsed document). */
export function connectionPlan(table: LedgerTable<never>, info: GraphQLResolveInfo): ReadPlan {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const cached = node && plans.get(node);
  if (cached) return cached;
  const connection = getNamedType(info.returnType);
  const record = isObjectType(connection) ? getNamedType(connection.getFields().nodes?.type) : undefined;
  const nodes = connectionNodes(info);
  const plan = (isObjectType(record) && planOf(record.name, record.getFields(), nodes, info.fragments)) || {
    table: table as LedgerTable<unknown>,
    fields: rowFieldsOf(
      table as LedgerTable<unknown>,
      [...fieldsByKey(nodes, info.fragments).values()].flat(),
    ),
    relations: [],
  };
  if (node) plans.set(node, plan);
  return plan;
}
