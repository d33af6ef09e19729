import type { LedgerData } from "../ledger/ledger.js";
import type { IsoDate } from "../shared/dates.js";
import type { CampaignReport } from "./campaign-report.js";
import type { HouseholdReport } from "./household-report.js";
import type { ProjectReport } from "./project-report.js";

/** Importance of a consistency rule: an error blocks submission, a warning is shown. */
export type RuleImportance = "error" | "warning";

/** Operators of a rule, as DHIS2 validation rules name them. */
export const RULE_OPERATORS = [
  "equal_to",
  "not_equal_to",
  "greater_than",
  "greater_than_or_equal_to",
  "less_than",
  "less_than_or_equal_to",
  "compulsory_pair",
  "exclusive_pair",
] as const;
/** A rule operator. */
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** What to do when a side has no value for a scope key (DHIS2's missing-value strategies). */
export type MissingValueStrategy = "SKIP_IF_ANY_VALUE_MISSING" | "SKIP_IF_ALL_VALUES_MISSING" | "NEVER_SKIP";

/** The unit a rule is checked for: each key of its scope is compared on its own. */
export type RuleScope =
  | "township"
  | "township-month"
  | "region-month"
  | "household"
  | "project"
  | "project-source"
  | "project-household"
  | "fund"
  | "submission";

/** Where a row behind a value comes from: a report of this period, the previous submission, or the ledger. */
export type RowSource =
  | "province-households"
  | "city-projects"
  | "city-campaign"
  | "ledger"
  | "previous:province-households"
  | "previous:city-projects"
  | "previous:city-campaign"
  | "submission";

/** A row (or record) behind a value: its report, its row key (户编号, project id, township and month) and the ledger records. */
export interface RowRef {
  readonly source: RowSource;
  readonly row: string;
  readonly recordIds: readonly string[];
}

/** A measure's value for one scope key, with the rows behind it. */
export interface MeasureValue {
  readonly value: number;
  readonly refs: readonly RowRef[];
}

/** Metadata of a submission, checked by R8. */
export interface SubmissionMeta {
  readonly period: string | null;
  readonly asOf: IsoDate | null;
  readonly preparer: string | null;
  readonly reviewer: string | null;
}

/** Everything the rules read: the three datasets of a period, the ledger, the previous submissions and reasons. */
export interface RuleContext {
  readonly ledger: LedgerData;
  readonly households: HouseholdReport;
  readonly projects: ProjectReport;
  readonly campaign: CampaignReport;
  readonly previous?: {
    readonly households?: HouseholdReport;
    readonly projects?: ProjectReport;
    readonly campaign?: CampaignReport;
  };
  /** Reasons given for households (by 户编号) or projects (by id) that left since the previous submission. */
  readonly reasons?: Readonly<Record<string, string>>;
  readonly submission?: SubmissionMeta;
}

/** One side of a rule: the sum of measures (or a constant), with its Chinese label. */
export type RuleSide =
  | { readonly label: string; readonly measures: readonly string[] }
  | { readonly label: string; readonly constant: number };

/** A consistency rule declared as data, in the spirit of a DHIS2 validation rule. */
export interface ConsistencyRule {
  readonly code: string;
  /** The rule of DOMAIN.md it implements (R1–R8). */
  readonly group: `R${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;
  /** What the rule checks, in Chinese. */
  readonly name: string;
  /** What the rule checks, in English. */
  readonly description: string;
  readonly importance: RuleImportance;
  readonly scope: RuleScope;
  readonly left: RuleSide;
  readonly operator: RuleOperator;
  readonly right: RuleSide;
  readonly missingValueStrategy: MissingValueStrategy;
}

/** A measure: values per scope key computed from the rule context. */
export interface MeasureDefinition {
  readonly scope: RuleScope;
  readonly evaluate: (ctx: RuleContext) => ReadonlyMap<string, MeasureValue>;
}

/** One side of a violation: its label, its value (null when missing) and the rows behind it. */
export interface ViolationSide {
  readonly label: string;
  readonly value: number | null;
  readonly refs: readonly RowRef[];
}

/** A broken rule for one scope key: the rule, both sides' values and rows, and a message in Chinese and English. */
export interface RuleViolation {
  readonly code: string;
  readonly group: ConsistencyRule["group"];
  readonly importance: RuleImportance;
  readonly scopeKey: string;
  readonly operator: RuleOperator;
  readonly left: ViolationSide;
  readonly right: ViolationSide;
  readonly message: string;
  readonly messageEn: string;
}

const OPERATOR_SYMBOLS: Record<RuleOperator, string> = {
  equal_to: "=",
  not_equal_to: "≠",
  greater_than: ">",
  greater_than_or_equal_to: "≥",
  less_than: "<",
  less_than_or_equal_to: "≤",
  compulsory_pair: "须同时填报",
  exclusive_pair: "不得同时填报",
};

/** Whether two values satisfy an operator; a pair operator looks only at presence. */
export function compareValues(operator: RuleOperator, left: number | null, right: number | null): boolean {
  if (operator === "compulsory_pair") return (left === null) === (right === null);
  if (operator === "exclusive_pair") return left === null || right === null;
  const [l, r] = [left ?? 0, right ?? 0];
  switch (operator) {
    case "equal_to":
      return l === r;
    case "not_equal_to":
      return l !== r;
    case "greater_than":
      return l > r;
    case "greater_than_or_equal_to":
      return l >= r;
    case "less_than":
      return l < r;
    case "less_than_or_equal_to":
      return l <= r;
  }
}

interface SideValues {
  readonly keys: ReadonlySet<string>;
  readonly at: (key: string) => { value: number | null; missing: number; terms: number; refs: RowRef[] };
}

function sideValues(
  side: RuleSide,
  measures: ReadonlyMap<string, ReadonlyMap<string, MeasureValue>>,
): SideValues {
  if ("constant" in side) {
    return { keys: new Set(), at: () => ({ value: side.constant, missing: 0, terms: 1, refs: [] }) };
  }
  const maps = side.measures.map((m) => {
    const map = measures.get(m);
    if (!map) throw new Error(`consistency rule refers to unknown measure ${m}`);
    return map;
  });
  const keys = new Set<string>();
  for (const map of maps) for (const key of map.keys()) keys.add(key);
  return {
    keys,
    at: (key) => {
      let value: number | null = null;
      let missing = 0;
      const refs: RowRef[] = [];
      for (const map of maps) {
        const v = map.get(key);
        if (v === undefined) missing++;
        else {
          value = (value ?? 0) + v.value;
          refs.push(...v.refs);
        }
      }
      return { value, missing, terms: maps.length, refs };
    },
  };
}

function skipped(
  strategy: MissingValueStrategy,
  left: { missing: number; terms: number },
  right: { missing: number; terms: number },
) {
  const missing = left.missing + right.missing;
  if (strategy === "SKIP_IF_ANY_VALUE_MISSING") return missing > 0;
  if (strategy === "SKIP_IF_ALL_VALUES_MISSING") return missing === left.terms + right.terms;
  return false;
}

function show(value: number | null): string {
  return value === null ? "（缺失）" : String(value);
}

/** Evaluates rules over a context with the given measures; returns every violation, errors first. */
export function evaluateRules(
  rules: readonly ConsistencyRule[],
  measures: Readonly<Record<string, MeasureDefinition>>,
  ctx: RuleContext,
): RuleViolation[] {
  const cache = new Map<string, ReadonlyMap<string, MeasureValue>>();
  for (const rule of rules) {
    for (const side of [rule.left, rule.right]) {
      if (!("measures" in side)) continue;
      for (const m of side.measures) {
        const def = measures[m];
        if (!def) throw new Error(`rule ${rule.code} refers to unknown measure ${m}`);
        if (def.scope !== rule.scope)
          throw new Error(`rule ${rule.code}: measure ${m} is not of scope ${rule.scope}`);
        if (!cache.has(m)) cache.set(m, def.evaluate(ctx));
      }
    }
  }
  const violations: RuleViolation[] = [];
  for (const rule of rules) {
    const [left, right] = [sideValues(rule.left, cache), sideValues(rule.right, cache)];
    const keys = [...new Set([...left.keys, ...right.keys])].sort();
    for (const key of keys) {
      const [l, r] = [left.at(key), right.at(key)];
      if (skipped(rule.missingValueStrategy, l, r) || compareValues(rule.operator, l.value, r.value))
        continue;
      const op = OPERATOR_SYMBOLS[rule.operator];
      violations.push({
        code: rule.code,
        group: rule.group,
        importance: rule.importance,
        scopeKey: key,
        operator: rule.operator,
        left: { label: rule.left.label, value: l.value, refs: l.refs },
        right: { label: rule.right.label, value: r.value, refs: r.refs },
        message: `${rule.group} ${rule.name}［${key}］：${rule.left.label} ${show(l.value)}，${rule.right.label} ${show(r.value)}，应为 左 ${op} 右`,
        messageEn: `${rule.code} ${rule.description} [${key}]: left ${l.value ?? "missing"}, right ${r.value ?? "missing"}, expected left ${rule.operator} right`,
      });
    }
  }
  return violations.sort((a, b) => (a.importance === b.importance ? 0 : a.importance === "error" ? -1 : 1));
}
