import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";
import type { Member } from "./member.js";

/** Codes of the rules on households and their members. */
export type HouseholdRuleCode = "LEDGER.DUPLICATE_ID_NUMBER" | "LEDGER.HOUSEHOLD_HEAD";

/** A person (ID number) belongs to at most one household: one member per ID number in the ledger. */
export const duplicateIdNumber = defineLedgerRule(
  "LEDGER.DUPLICATE_ID_NUMBER",
  "A person (ID number) is a member of at most one household.",
  (ledger, report) => {
    const byIdNumber = new Map<string, Member>();
    for (const m of recordsOf(ledger, "members")) {
      const other = byIdNumber.get(m.idNumber);
      if (!other) {
        byIdNumber.set(m.idNumber, m);
        continue;
      }
      report(
        `ID number ${m.idNumber.slice(0, 6)}…${m.idNumber.slice(-4)} appears in members ${other.id} and ${m.id}: a person belongs to at most one household`,
        [other.id, m.id],
        "idNumber",
      );
    }
  },
);

/** A household has at most one head (户主); the violation names the household, then its heads. */
export const householdHead = defineLedgerRule(
  "LEDGER.HOUSEHOLD_HEAD",
  "A household has at most one head (户主).",
  (ledger, report) => {
    const heads = new Map<string, string[]>();
    for (const m of recordsOf(ledger, "members")) {
      if (m.relation !== "head") continue;
      const list = heads.get(m.householdId);
      if (list) list.push(m.id);
      else heads.set(m.householdId, [m.id]);
    }
    for (const [householdId, ids] of heads) {
      if (ids.length > 1)
        report(`household ${householdId} has ${ids.length} heads`, [householdId, ...ids], "relation");
    }
  },
);

/** The rules on households and their members, keyed by code. */
export const HOUSEHOLD_RULES: Readonly<Record<HouseholdRuleCode, LedgerRule<HouseholdRuleCode>>> = {
  "LEDGER.DUPLICATE_ID_NUMBER": duplicateIdNumber,
  "LEDGER.HOUSEHOLD_HEAD": householdHead,
};
