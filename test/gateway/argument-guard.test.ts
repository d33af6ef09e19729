import { readFileSync } from "node:fs";
import fc from "fast-check";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

// Issue 8, point 4: arguments reached PostgreSQL unchecked and came back as INTERNAL_SERVER_ERROR.
// This walks every argument (and input field) of every query and mutation of the printed schema and
// sends hostile values; no answer may be an internal error or an HTTP 500.

const SCHEMA = buildSchema(
  readFileSync(new URL("../../packages/gateway/schema.graphql", import.meta.url), "utf8"),
);
const NOW = new Date("2024-12-15T04:00:00Z");

let g: TestGateway;
beforeAll(async () => {
  g = await startTestGateway({ seedHouseholds: 20, now: () => NOW });
});
afterAll(async () => {
  await g?.close();
});

/** One place a value can be put: an argument of a root field, or a field of an input object inside it. */
interface Position {
  readonly operation: "query" | "mutation";
  readonly field: GraphQLField<unknown, unknown>;
  /** The argument name, then input field names. */
  readonly path: readonly string[];
  readonly type: GraphQLInputType;
}

function positionsOf(operation: "query" | "mutation"): Position[] {
  const root = operation === "query" ? SCHEMA.getQueryType() : SCHEMA.getMutationType();
  const out: Position[] = [];
  const walk = (field: GraphQLField<unknown, unknown>, path: string[], type: GraphQLInputType) => {
    out.push({ operation, field, path, type });
    const named = getNamedType(type);
    if (isInputObjectType(named) && path.length < 4) {
      for (const f of Object.values(named.getFields())) walk(field, [...path, f.name], f.type);
    }
  };
  for (const field of Object.values(root?.getFields() ?? {})) {
    for (const arg of field.args) walk(field, [arg.name], arg.type);
  }
  return out;
}

const POSITIONS = [...positionsOf("query"), ...positionsOf("mutation")];

/** A plausible value for a required argument or field, so the hostile one is what gets checked. */
function baseline(name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return baseline(name, type.ofType);
  if (isListType(type)) return [baseline(name, type.ofType)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type)) out[f.name] = baseline(f.name, f.type);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (!isScalarType(type)) return null;
  if (type.name === "Int") return /year/i.test(name) ? 2024 : 1;
  if (type.name === "Float") return 100;
  if (type.name === "Boolean") return true;
  if (/regionCode|townshipCode|villageCode/.test(name)) return "360723";
  if (/date|deadline|due/i.test(name)) return "2024-06-01";
  if (name === "period") return "2024";
  return "x";
}

const FIXED_STRINGS = [
  "\u0000",
  "360723\u0000",
  "2025-02-30",
  "%",
  "abc",
  "３６０７２３",
  "",
  "x".repeat(100_000),
];
const FIXED_INTS = [0, -1, 2_147_483_647, -2_147_483_648, 1999, 2025, 9999];
const FIXED_FLOATS = [-1, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 63];

/** Hostile values for a position's type (none for booleans and enums: GraphQL itself checks those). */
function hostile(type: GraphQLInputType): fc.Arbitrary<unknown> | null {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = hostile(inner.ofType);
    return item === null
      ? null
      : fc.oneof(fc.array(item, { maxLength: 3 }), fc.constant(Array(1001).fill(1)));
  }
  if (!isScalarType(inner)) return null;
  switch (inner.name) {
    case "String":
    case "ID":
      return fc.oneof(
        fc.constantFrom(...FIXED_STRINGS),
        fc.string({ maxLength: 30 }).map((s) => `${s}\u0000${s}`),
        fc.base64String({ maxLength: 60 }),
        fc.string({ unit: "binary", maxLength: 40 }),
      );
    case "Int":
      return fc.oneof(fc.constantFrom(...FIXED_INTS), fc.integer());
    case "Float":
      return fc.oneof(fc.constantFrom(...FIXED_FLOATS), fc.double({ noNaN: true, noDefaultInfinity: true }));
    default:
      return null;
  }
}

function fixedValues(type: GraphQLInputType): unknown[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner))
    return [
      Array(1001).fill(fixedValues(inner.ofType)[0] ?? 1),
      ...fixedValues(inner.ofType).map((v) => [v]),
    ];
  if (!isScalarType(inner)) return [];
  if (inner.name === "Int") return FIXED_INTS;
  if (inner.name === "Float") return FIXED_FLOATS;
  return inner.name === "Boolean" ? [] : FIXED_STRINGS;
}

/** The operation putting `value` at `position`, every other required argument at its baseline. */
function operationFor(
  position: Position,
  value: unknown,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of position.field.args as readonly GraphQLArgument[]) {
    const isTarget = arg.name === position.path[0];
    if (!isTarget && !isNonNullType(arg.type)) continue;
    let v = baseline(arg.name, arg.type);
    if (isTarget) {
      if (position.path.length === 1) v = value;
      else {
        const root = (v ?? {}) as Record<string, unknown>;
        let at = root;
        for (const key of position.path.slice(1, -1)) {
          at[key] = { ...((at[key] as Record<string, unknown> | undefined) ?? {}) };
          at = at[key] as Record<string, unknown>;
        }
        at[position.path.at(-1)!] = value;
        v = root;
      }
    }
    variables[arg.name] = v;
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const selection = isCompositeType(getNamedType(position.field.type)) ? " { __typename }" : "";
  const head = declared.length > 0 ? `(${declared.join(", ")})` : "";
  const args = passed.length > 0 ? `(${passed.join(", ")})` : "";
  return { query: `${position.operation}${head} { ${position.field.name}${args}${selection} }`, variables };
}

async function expectNoInternalError(position: Position, value: unknown): Promise<void> {
  const { query, variables } = operationFor(position, value);
  const res = await g.graphql(query, variables);
  const internal = (res.body.errors ?? []).filter(
    (e) =>
      e.extensions?.code === "INTERNAL_SERVER_ERROR" ||
      e.message === "Unexpected error." ||
      !e.extensions?.code,
  );
  const shown =
    typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value;
  expect({
    at: `${position.field.name}(${position.path.join(".")})`,
    value: shown,
    status: res.status < 500,
    internal,
  }).toEqual({
    at: `${position.field.name}(${position.path.join(".")})`,
    value: shown,
    status: true,
    internal: [],
  });
}

describe("every argument of the printed schema, hostile values", () => {
  it("walks a few hundred places to put a value", () => {
    expect(POSITIONS.length).toBeGreaterThan(200);
    expect(POSITIONS.some((p) => p.path.join(".") === "filter.inForceOn")).toBe(true);
  });

  it("answers each fixed hostile value at every place without an internal error", async () => {
    for (const position of POSITIONS) {
      for (const value of fixedValues(position.type)) await expectNoInternalError(position, value);
    }
  }, 600_000);

  it("answers random hostile values (fast-check) without an internal error", async () => {
    const arbitrary = fc
      .constantFrom(...POSITIONS.filter((p) => hostile(p.type) !== null))
      .chain((position) => hostile(position.type)!.map((value) => [position, value] as const));
    await fc.assert(
      fc.asyncProperty(arbitrary, ([position, value]) => expectNoInternalError(position, value)),
      { numRuns: 400 },
    );
  }, 600_000);
});

describe("kept argument checks", () => {
  let clock = new Date("2024-06-01T00:00:00Z");
  let k: TestGateway;
  beforeAll(async () => {
    k = await startTestGateway({ seedHouseholds: 0, now: () => clock });
  });
  afterAll(async () => {
    await k?.close();
  });

  it("never keeps a year's check against the as-of date: the same query is refused, then answered once the clock passes", async () => {
    const query = `{ incomes(regionCode: "360723", first: 1, filter: { year: 2025 }) { totalCount } }`;
    const before = await k.graphql(query);
    expect(before.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(before.body.errors?.[0]?.extensions?.field).toBe("filter.year");
    clock = new Date("2025-03-01T00:00:00Z");
    const after = await k.graphql(query);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ incomes: { totalCount: 0 } });
  });

  it("answers a refused query the same way each time it is repeated, and a corrected one at once", async () => {
    const bad = `{ households(regionCode: "36０72x", first: 1) { totalCount } }`;
    const first = await k.graphql(bad);
    const again = await k.graphql(bad);
    expect(first.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(again.body).toEqual(first.body);
    const good = await k.graphql(`{ households(regionCode: "36０723", first: 1) { totalCount } }`);
    expect(good.body.errors).toBeUndefined();
  });
});
