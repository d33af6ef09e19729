import { CREDIT_RULES, type CreditRuleCode } from "../credit/credit-rules.js";
import { FUND_RULES, type FundRuleCode } from "../funds/fund-rules.js";
import { HOUSEHOLD_RULES, type HouseholdRuleCode } from "../households/household-rules.js";
import { LINKAGE_RULES, type LinkageRuleCode } from "../linkage/linkage-rules.js";
import { PROJECT_RULES, type ProjectRuleCode } from "../projects/project-rules.js";
import { RECTIFICATION_RULES, type RectificationRuleCode } from "../rectification/rectification-rules.js";
import { REGION_RULES, type RegionRuleCode } from "../regions/region-rules.js";
import { RESPONSIBILITY_RULES, type ResponsibilityRuleCode } from "../responsibility/responsibility-rules.js";
import type { PartialLedger } from "./record-kinds.js";
import { RECORD_RULES, type RecordRuleCode } from "./record-rules.js";
import type { LedgerRule, LedgerViolation } from "./rule.js";

/** Codes of the cross-record invariants a ledger must keep: the union of every concept's rule codes. */
export type LedgerViolationCode =
  | RecordRuleCode
  | RegionRuleCode
  | HouseholdRuleCode
  | LinkageRuleCode
  | FundRuleCode
  | ProjectRuleCode
  | ResponsibilityRuleCode
  | RectificationRuleCode
  | CreditRuleCode;

/** Every ledger rule, keyed by its code, grouped by concept; `validateLedger` runs them in this order. */
export const LEDGER_RULES: Readonly<Record<LedgerViolationCode, LedgerRule<LedgerViolationCode>>> = {
  ...RECORD_RULES,
  ...REGION_RULES,
  ...HOUSEHOLD_RULES,
  ...LINKAGE_RULES,
  ...FUND_RULES,
  ...PROJECT_RULES,
  ...RESPONSIBILITY_RULES,
  ...RECTIFICATION_RULES,
  ...CREDIT_RULES,
};

/** The rules of each concept, for a write that touches that concept's records. */
export const LEDGER_RULES_BY_CONCEPT = {
  record: RECORD_RULES,
  region: REGION_RULES,
  household: HOUSEHOLD_RULES,
  linkage: LINKAGE_RULES,
  fund: FUND_RULES,
  project: PROJECT_RULES,
  responsibility: RESPONSIBILITY_RULES,
  rectification: RECTIFICATION_RULES,
  credit: CREDIT_RULES,
} as const;

/** A concept whose rules can be run on their own (`household`, `linkage`, `fund` …). */
export type LedgerRuleConcept = keyof typeof LEDGER_RULES_BY_CONCEPT;

/** Options of `checkLedgerRules`. */
export interface CheckLedgerRulesOptions<C extends LedgerViolationCode> {
  /** The rules to run: codes, or a concept's registry (default: every rule). */
  readonly rules?: readonly C[] | Readonly<Partial<Record<C, LedgerRule<C>>>>;
  /** Keep only violations naming one of these record ids (the records being written). */
  readonly about?: readonly string[];
}

/**
 * Runs ledger rules over a whole or partial ledger and returns the violations with their codes and
 * fields. A write loads the records its change touches (e.g. the household and its members, with the
 * members sharing the new ID number), adds the new record, and keeps the violations `about` it.
 */
export function checkLedgerRules<C extends LedgerViolationCode = LedgerViolationCode>(
  ledger: PartialLedger,
  options: CheckLedgerRulesOptions<C> = {},
): LedgerViolation<C>[] {
  const chosen = options.rules ?? (Object.keys(LEDGER_RULES) as C[]);
  const rules: readonly LedgerRule<C>[] = Array.isArray(chosen)
    ? (chosen as readonly C[]).map((code) => LEDGER_RULES[code] as LedgerRule<C>)
    : (Object.values(chosen) as LedgerRule<C>[]);
  const about = options.about === undefined ? null : new Set(options.about);
  const violations: LedgerViolation<C>[] = [];
  for (const rule of rules) {
    for (const v of rule.check(ledger)) {
      if (about === null || v.recordIds.some((id) => about.has(id))) violations.push(v);
    }
  }
  return violations;
}
