import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";

/** Codes of the rules on household credit (小额信贷, 到户资金) and what came back from it. */
export type CreditRuleCode = "LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT";

/** Nothing comes back from money before it was placed (judged where the credit is present). */
export const creditReturnBeforePlacement = defineLedgerRule(
  "LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT",
  "A dividend or repayment of a household's credit is dated on or after the day the money was placed.",
  (ledger, report) => {
    const placed = new Map(recordsOf(ledger, "credits").map((c) => [c.id, c.placedDate]));
    for (const r of recordsOf(ledger, "creditReturns")) {
      const day = placed.get(r.creditId);
      if (day === undefined || r.date >= day) continue;
      report(
        `credit return ${r.id}: dated ${r.date}, before credit ${r.creditId} was placed on ${day}`,
        [r.id, r.creditId],
        "date",
      );
    }
  },
);

/** The rules on household credit, keyed by code. */
export const CREDIT_RULES: Readonly<Record<CreditRuleCode, LedgerRule<CreditRuleCode>>> = {
  "LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT": creditReturnBeforePlacement,
};
