import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";

/** Codes of the rules on funds and their uses. */
export type FundRuleCode = "LEDGER.FUND_OVERSPENT";

/** A fund's uses (those present) add up to no more than its allocation. */
export const fundOverspent = defineLedgerRule(
  "LEDGER.FUND_OVERSPENT",
  "A fund's uses add up to no more than its allocation.",
  (ledger, report) => {
    const spent = new Map<string, number>();
    for (const u of recordsOf(ledger, "fundUses"))
      spent.set(u.fundId, (spent.get(u.fundId) ?? 0) + u.amountFen);
    for (const f of recordsOf(ledger, "funds")) {
      const used = spent.get(f.id) ?? 0;
      if (used > f.allocatedFen)
        report(
          `fund ${f.id}: uses total ${used} fen, more than the ${f.allocatedFen} fen allocated`,
          [f.id],
          "amountFen",
        );
    }
  },
);

/** The rules on funds, keyed by code. */
export const FUND_RULES: Readonly<Record<FundRuleCode, LedgerRule<FundRuleCode>>> = {
  "LEDGER.FUND_OVERSPENT": fundOverspent,
};
