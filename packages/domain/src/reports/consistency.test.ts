import { describe, expect, it } from "vitest";
import {
  type ConsistencyRule,
  compareValues,
  evaluateRules,
  type MeasureDefinition,
  type MissingValueStrategy,
  type RuleContext,
  type RuleOperator,
} from "./consistency.js";

const fixed = (values: Record<string, number>): MeasureDefinition => ({
  scope: "township",
  evaluate: () =>
    new Map(
      Object.entries(values).map(([k, value]) => [
        k,
        { value, refs: [{ source: "ledger", row: k, recordIds: [`rec-${k}`] }] },
      ]),
    ),
});

const rule = (
  operator: RuleOperator,
  missingValueStrategy: MissingValueStrategy = "NEVER_SKIP",
): ConsistencyRule => ({
  code: "T.TEST",
  group: "R6",
  name: "测试",
  description: "test",
  importance: "error",
  scope: "township",
  left: { label: "左", measures: ["a"] },
  operator,
  right: { label: "右", measures: ["b", "c"] },
  missingValueStrategy,
});

const ctx = {} as RuleContext;

describe("compareValues", () => {
  it.each<[RuleOperator, number | null, number | null, boolean]>([
    ["equal_to", 3, 3, true],
    ["equal_to", 3, 4, false],
    ["not_equal_to", 3, 4, true],
    ["not_equal_to", 3, 3, false],
    ["greater_than", 4, 3, true],
    ["greater_than", 3, 3, false],
    ["greater_than_or_equal_to", 3, 3, true],
    ["greater_than_or_equal_to", 2, 3, false],
    ["less_than", 2, 3, true],
    ["less_than", 3, 3, false],
    ["less_than_or_equal_to", 3, 3, true],
    ["less_than_or_equal_to", 4, 3, false],
    ["compulsory_pair", 1, 2, true],
    ["compulsory_pair", null, null, true],
    ["compulsory_pair", 1, null, false],
    ["exclusive_pair", 1, null, true],
    ["exclusive_pair", null, null, true],
    ["exclusive_pair", 1, 2, false],
    ["equal_to", null, 0, true],
  ])("%s(%s, %s) is %s", (operator, left, right, expected) => {
    expect(compareValues(operator, left, right)).toBe(expected);
  });
});

describe("evaluateRules", () => {
  const measures = { a: fixed({ t1: 5, t2: 1 }), b: fixed({ t1: 2, t3: 4 }), c: fixed({ t1: 2 }) };

  it("sums the measures of a side and names the rows behind each value", () => {
    const [v, ...rest] = evaluateRules([rule("equal_to", "SKIP_IF_ANY_VALUE_MISSING")], measures, ctx);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: "T.TEST", scopeKey: "t1", left: { value: 5 }, right: { value: 4 } });
    expect(v!.left.refs.map((r) => r.row)).toEqual(["t1"]);
    expect(v!.right.refs.flatMap((r) => r.recordIds)).toEqual(["rec-t1", "rec-t1"]);
    expect(v!.message).toContain("左 5");
    expect(v!.message).toContain("右 4");
  });

  it.each<[MissingValueStrategy, string[]]>([
    ["SKIP_IF_ANY_VALUE_MISSING", ["t1"]],
    ["SKIP_IF_ALL_VALUES_MISSING", ["t1", "t2", "t3"]],
    ["NEVER_SKIP", ["t1", "t2", "t3"]],
  ])("%s checks keys %j", (strategy, keys) => {
    const found = evaluateRules([rule("equal_to", strategy)], measures, ctx).map((v) => v.scopeKey);
    expect(found).toEqual(keys);
  });

  it("treats a missing value as absent for the pair operators", () => {
    const found = evaluateRules([rule("compulsory_pair")], measures, ctx).map((v) => v.scopeKey);
    expect(found).toEqual(["t2", "t3"]);
    expect(evaluateRules([rule("exclusive_pair")], measures, ctx).map((v) => v.scopeKey)).toEqual(["t1"]);
  });

  it("compares a side with a constant", () => {
    const r: ConsistencyRule = { ...rule("greater_than"), right: { label: "三", constant: 3 } };
    expect(evaluateRules([r], measures, ctx).map((v) => [v.scopeKey, v.right.value])).toEqual([["t2", 3]]);
  });

  it("refuses a rule whose measure is unknown or of another scope", () => {
    expect(() => evaluateRules([rule("equal_to")], { a: measures.a }, ctx)).toThrow(/unknown measure b/);
    const other = { ...measures, c: { ...measures.c, scope: "project" as const } };
    expect(() => evaluateRules([rule("equal_to")], other, ctx)).toThrow(/not of scope township/);
  });

  it("lists errors before warnings", () => {
    const warning = { ...rule("equal_to"), code: "T.WARN", importance: "warning" as const };
    const found = evaluateRules([warning, rule("equal_to")], measures, ctx);
    expect(found.map((v) => v.importance)).toEqual([
      "error",
      "error",
      "error",
      "warning",
      "warning",
      "warning",
    ]);
  });
});
