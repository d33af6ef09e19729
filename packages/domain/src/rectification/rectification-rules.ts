import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";

/** Codes of the rules on rectifications. */
export type RectificationRuleCode = "LEDGER.RECTIFICATION_MILESTONES_PENDING";

/** A closed rectification has a plan whose milestones are all done. */
export const rectificationMilestonesPending = defineLedgerRule(
  "LEDGER.RECTIFICATION_MILESTONES_PENDING",
  "A closed rectification has a plan whose milestones are all done.",
  (ledger, report) => {
    for (const r of recordsOf(ledger, "rectifications")) {
      if (r.status !== "closed") continue;
      const pending = r.plan?.milestones.filter((m) => m.doneDate === null) ?? [];
      if (r.plan !== null && pending.length === 0) continue;
      report(
        `rectification ${r.id} is closed but ${r.plan === null ? "has no plan" : `${pending.length} milestone(s) are not done`}`,
        [r.id],
        "status",
      );
    }
  },
);

/** The rules on rectifications, keyed by code. */
export const RECTIFICATION_RULES: Readonly<Record<RectificationRuleCode, LedgerRule<RectificationRuleCode>>> =
  {
    "LEDGER.RECTIFICATION_MILESTONES_PENDING": rectificationMilestonesPending,
  };
