import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";

/** Codes of the rules on responsibilities (帮扶责任). */
export type ResponsibilityRuleCode = "LEDGER.WRONG_TOWNSHIP" | "LEDGER.UNKNOWN_VILLAGE";

/** A household's helper is filed under the township the household lives in (judged where the household is present). */
export const wrongTownship = defineLedgerRule(
  "LEDGER.WRONG_TOWNSHIP",
  "A household's helper is filed under the township the household lives in.",
  (ledger, report) => {
    const villages = new Map(recordsOf(ledger, "households").map((h) => [h.id, h.villageCode]));
    for (const r of recordsOf(ledger, "responsibilities")) {
      // A helper filed under another township would be missing from its household's township.
      const village = r.householdId === null ? undefined : villages.get(r.householdId);
      if (
        village === undefined ||
        !village.startsWith(ledger.countyCode) ||
        village.startsWith(r.townshipCode)
      )
        continue;
      report(
        `responsibility ${r.id}: township ${r.townshipCode}, but household ${r.householdId} lives in village ${village}`,
        [r.id, r.householdId!],
        "townshipCode",
      );
    }
  },
);

/** A village's responsible person answers for a village of the ledger (judged where the regions are present). */
export const unknownVillage = defineLedgerRule(
  "LEDGER.UNKNOWN_VILLAGE",
  "A village's responsible person answers for a village listed among the ledger's regions.",
  (ledger, report) => {
    if (ledger.regions === undefined) return;
    const villages = new Set(ledger.regions.filter((r) => r.level === "village").map((r) => r.code));
    for (const r of recordsOf(ledger, "responsibilities")) {
      if (r.villageCode === null || villages.has(r.villageCode)) continue;
      report(
        `responsibility ${r.id}: village ${r.villageCode} is not a village of the ledger`,
        [r.id],
        "villageCode",
      );
    }
  },
);

/** The rules on responsibilities, keyed by code. */
export const RESPONSIBILITY_RULES: Readonly<
  Record<ResponsibilityRuleCode, LedgerRule<ResponsibilityRuleCode>>
> = {
  "LEDGER.WRONG_TOWNSHIP": wrongTownship,
  "LEDGER.UNKNOWN_VILLAGE": unknownVillage,
};
