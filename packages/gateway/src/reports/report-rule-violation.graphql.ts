import type { RuleViolation } from "@fupin/domain";
import { builder } from "../graphql/builder.js";
import { ReportViolationSideType } from "./report-violation-side.graphql.js";

/** GraphQL type of a broken consistency rule. */
export const ReportRuleViolationType = builder.objectRef<RuleViolation>("ReportRuleViolation").implement({
  description:
    "A consistency rule (R1–R8) broken for one scope key, with both values and the rows behind each side.",
  fields: (t) => ({
    rule: t.exposeString("code", { description: "Rule code, e.g. R5.WAGES_COVER_EMPLOYMENT_PAY." }),
    group: t.exposeString("group", { description: "Rule group of DOMAIN.md: R1 to R8." }),
    importance: t.exposeString("importance", { description: "error (blocks submission) or warning." }),
    scopeKey: t.exposeString("scopeKey", {
      description: "What was compared: a township, township and month, 户编号, project …",
    }),
    operator: t.exposeString("operator", {
      description: "Comparison the rule requires (DHIS2 operator name).",
    }),
    left: t.field({
      type: ReportViolationSideType,
      description: "Left side of the rule.",
      resolve: (v) => v.left,
    }),
    right: t.field({
      type: ReportViolationSideType,
      description: "Right side of the rule.",
      resolve: (v) => v.right,
    }),
    message: t.exposeString("message", { description: "What is wrong, in Chinese." }),
    messageEn: t.exposeString("messageEn", { description: "What is wrong, in English." }),
  }),
});
