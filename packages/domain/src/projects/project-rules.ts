import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";
import { checkStageOrder } from "./project.js";

/** Codes of the rules on projects. */
export type ProjectRuleCode = "LEDGER.PROJECT_STAGE_ORDER";

/** A project starts with its application and its stages follow the procedure's order. */
export const projectStageOrder = defineLedgerRule(
  "LEDGER.PROJECT_STAGE_ORDER",
  "A project starts with its application and its stages follow the procedure's order.",
  (ledger, report) => {
    for (const p of recordsOf(ledger, "projects")) {
      const bad = checkStageOrder(p.stages);
      if (p.stages[0]?.stage !== "application")
        report(`project ${p.id}: a project starts with its application`, [p.id], "stages");
      else if (bad) report(`project ${p.id}: ${bad.message}`, [p.id], "stages");
    }
  },
);

/** The rules on projects, keyed by code. */
export const PROJECT_RULES: Readonly<Record<ProjectRuleCode, LedgerRule<ProjectRuleCode>>> = {
  "LEDGER.PROJECT_STAGE_ORDER": projectStageOrder,
};
