import { chinaDateOf, isIsoDate, parseRegionCode, yearSchema } from "@fupin/domain";
import {
  defaultFieldResolver,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import type { GatewayContext } from "../context.js";
import { badUserInput } from "./errors.js";

/** Longest text any argument may carry (names, descriptions, roadmaps). */
export const MAX_TEXT_LENGTH = 2000;
/** Longest id, code or period (the domain's ids are at most 64 characters). */
export const MAX_KEY_LENGTH = 64;
/** Longest cursor or global id (an encoded key). */
export const MAX_TOKEN_LENGTH = 200;
/** Most items of any list argument (lists with a smaller bound check it themselves). */
export const MAX_LIST_LENGTH = 1000;

const DATE_NAME = /^(date|deadline|due|inForceOn|\w+Date|\w+Dates)$/;
const YEAR_NAME = /^(year|\w+Year|placedIn)$/;
const REGION_NAME = /^(regionCode|villageCode|townshipCode|parentCode)$/;
const KEY_NAME = /^(id|ids|\w+Id|\w+Ids|code|codes|\w+Code|profile|period|level)$/;
const TOKEN_NAME = /^(after)$/;

interface Issue {
  readonly path: string;
  readonly message: string;
}

/** One walk over a field's arguments: the operation, the ledger's as-of date, what is wrong so far. */
interface Walk {
  readonly isQuery: boolean;
  /** The ledger's as-of date, computed when a year is checked (most arguments hold none). */
  asOf(): string;
  /** Names of the types a global id may name. */
  readonly nodeTypes: ReadonlySet<string>;
  readonly issues: Issue[];
}

/** A year filter after the ledger's as-of date asks about records that cannot exist yet. */
export function futureYearMessage(year: number, asOf: string, field: string): string | null {
  if (year <= Number(asOf.slice(0, 4))) return null;
  return `${field} ${year} is after the ledger's as-of date ${asOf}: ask for ${asOf.slice(0, 4)} or earlier`;
}

/** Whether `value` is a global id this API could have returned: base64 of `<node type>:<key>`. */
function isGlobalId(value: string, nodeTypes: ReadonlySet<string>): boolean {
  const text = Buffer.from(value, "base64").toString("utf8");
  const colon = text.indexOf(":");
  return (
    colon > 0 &&
    colon < text.length - 1 &&
    !text.includes("\u0000") &&
    Buffer.from(text, "utf8").toString("base64") === value &&
    nodeTypes.has(text.slice(0, colon))
  );
}

/** What a text of this name and type may hold: its longest length and what else is checked. */
interface TextRule {
  readonly isId: boolean;
  readonly max: number;
  readonly isDate: boolean;
  readonly isRegion: boolean;
}

function textRule(name: string, type: string): TextRule {
  const isId = type === "ID";
  return {
    isId,
    max:
      TOKEN_NAME.test(name) || isId
        ? MAX_TOKEN_LENGTH
        : KEY_NAME.test(name)
          ? MAX_KEY_LENGTH
          : MAX_TEXT_LENGTH,
    isDate: DATE_NAME.test(name),
    isRegion: REGION_NAME.test(name),
  };
}

function checkString(rule: TextRule, value: string, walk: Walk): string | null {
  if (value.includes("\u0000")) return "must not contain the NUL character";
  if (rule.isId && !isGlobalId(value, walk.nodeTypes)) return "is not a global id this API returned";
  if (value.length > rule.max) return `must be at most ${rule.max} characters (got ${value.length})`;
  // A mutation's input is a domain input: the domain's schema checks what it means, every issue at once.
  if (!walk.isQuery) return null;
  if (rule.isDate && !isIsoDate(value)) return "must be a real date in the form YYYY-MM-DD";
  if (rule.isRegion) {
    const parsed = parseRegionCode(value);
    if (!parsed.ok) return parsed.error.message;
  }
  return null;
}

function checkYear(value: number, path: string, walk: Walk): string | null {
  if (!walk.isQuery) return null;
  const parsed = yearSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "must be a year";
  return futureYearMessage(value, walk.asOf(), path);
}

/** Checks one value of an argument or input field (at `path`) and records what is wrong. */
type Check = (value: unknown, path: string, walk: Walk) => void;

const NO_CHECK: Check = () => undefined;

/**
 * The check of a value of this name and type, decided once per schema position: what its name and
 * type call for is worked out here, not on every request. Input objects compile their fields on first
 * use (an input type may contain itself).
 */
function compileCheck(name: string, type: GraphQLInputType): Check {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = compileCheck(name, inner.ofType);
    return (value, path, walk) => {
      if (value === null || value === undefined) return;
      const items = value as readonly unknown[];
      if (walk.isQuery && items.length > MAX_LIST_LENGTH) {
        walk.issues.push({
          path,
          message: `must have at most ${MAX_LIST_LENGTH} items (got ${items.length})`,
        });
        return;
      }
      for (let i = 0; i < items.length; i++) item(items[i], `${path}.${i}`, walk);
    };
  }
  if (isInputObjectType(inner)) {
    let fields: readonly (readonly [string, Check])[] | null = null;
    return (value, path, walk) => {
      if (value === null || value === undefined) return;
      fields ??= Object.values(inner.getFields()).map((f) => [f.name, compileCheck(f.name, f.type)] as const);
      const record = value as Record<string, unknown>;
      for (const [field, check] of fields) {
        const v = record[field];
        if (v !== null && v !== undefined) check(v, `${path}.${field}`, walk);
      }
    };
  }
  const named = getNamedType(inner);
  if (!isScalarType(named)) return NO_CHECK;
  const rule = textRule(name, named.name);
  const isYear = named.name === "Int" && YEAR_NAME.test(name);
  return (value, path, walk) => {
    const message =
      typeof value === "string"
        ? checkString(rule, value, walk)
        : typeof value === "number" && isYear
          ? checkYear(value, path, walk)
          : null;
    if (message !== null) walk.issues.push({ path, message });
  };
}

const compiledArgs = new WeakMap<readonly GraphQLArgument[], readonly (readonly [string, Check])[]>();

/** The issues of a field's arguments, every argument and input field walked. */
export function argumentIssues(
  args: readonly GraphQLArgument[],
  values: Readonly<Record<string, unknown>>,
  context: Omit<Walk, "issues">,
): Issue[] {
  let checks = compiledArgs.get(args);
  if (!checks) {
    checks = args.map((a) => [a.name, compileCheck(a.name, a.type)] as const);
    compiledArgs.set(args, checks);
  }
  const walk: Walk = {
    isQuery: context.isQuery,
    asOf: context.asOf,
    nodeTypes: context.nodeTypes,
    issues: [],
  };
  for (const [name, check] of checks) {
    const v = values[name];
    if (v !== null && v !== undefined) check(v, name, walk);
  }
  return walk.issues;
}

/**
 * Checks every argument of every field before its resolver runs, in one place for the whole schema:
 * no NUL characters and bounded lengths in any text, global ids this API could have issued; and in
 * queries, bounded lists, real dates where a name says date, years in the ledger's range and not
 * after its as-of date, well-formed region codes (a mutation's input is checked for meaning by the
 * domain's input schema, which reports every issue). A failure is BAD_USER_INPUT naming the argument
 * (`filter.inForceOn`). Returns the schema.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType("Node");
  const nodeTypes = new Set(isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : []);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const issuesOf = queryIssueMemo(field.args, nodeTypes);
      field.resolve = (source, values, ctx: GatewayContext, info) => {
        const issues =
          info.operation.operation === "query"
            ? issuesOf(values, ctx)
            : argumentIssues(field.args, values, {
                isQuery: false,
                asOf() {
                  return chinaDateOf(ctx.now());
                },
                nodeTypes,
              });
        if (issues.length > 0) throw badUserInput(issues);
        return resolve(source, values, ctx, info);
      };
    }
  }
  return schema;
}

/** Most argument sets whose issues are kept per field (a client repeats a handful of queries). */
const MEMO_SIZE = 256;
/** Longest argument set (as JSON) whose issues are kept: long texts and lists are checked each time. */
const MEMO_KEY_LENGTH = 512;

/**
 * A query field's argument issues, kept per argument values: they depend on nothing else, except a
 * year's check against the as-of date, which reads the clock and is never kept.
 */
function queryIssueMemo(args: readonly GraphQLArgument[], nodeTypes: ReadonlySet<string>) {
  const memo = new Map<string, Issue[]>();
  return (values: Readonly<Record<string, unknown>>, ctx: GatewayContext): Issue[] => {
    let key: string | null = null;
    try {
      key = JSON.stringify(values);
    } catch {
      // A value JSON cannot hold is checked, not kept.
    }
    const known = key === null ? undefined : memo.get(key);
    if (known) return known;
    let readClock = false;
    const issues = argumentIssues(args, values, {
      isQuery: true,
      asOf() {
        readClock = true;
        return chinaDateOf(ctx.now());
      },
      nodeTypes,
    });
    if (key !== null && !readClock && key.length <= MEMO_KEY_LENGTH && memo.size < MEMO_SIZE) {
      memo.set(key, issues);
    }
    return issues;
  };
}
