import type { RuleViolation } from "@fupin/domain";
import { builder } from "../graphql/builder.js";
import { requireRegion } from "../graphql/scope.js";
import { REPORT_ARGS } from "./report-args.js";
import { parseReportRequest, prepareReport } from "./report-data.js";
import { ReportRuleViolationType } from "./report-rule-violation.graphql.js";
import { ReportSummaryType } from "./report-summary.graphql.js";
import { type ReportSummary, summarizeReport } from "./report-summary.js";

interface ReportPreview {
  readonly summary: ReportSummary;
  readonly violations: readonly RuleViolation[];
}

const ReportPreviewType = builder.objectRef<ReportPreview>("ReportPreview").implement({
  description:
    "A report as it would be submitted now: the dataset's summary and every consistency rule it breaks.",
  fields: (t) => ({
    summary: t.field({
      type: ReportSummaryType,
      description: "The dataset at a glance.",
      resolve: (p) => p.summary,
    }),
    violations: t.field({
      type: [ReportRuleViolationType],
      description:
        "Broken rules of the region's three reports (and continuity with the last submissions), errors first.",
      resolve: (p) => p.violations,
    }),
    errorCount: t.int({
      description: "How many violations are errors (any error blocks submitReport).",
      resolve: (p) => p.violations.filter((v) => v.importance === "error").length,
    }),
    warningCount: t.int({
      description: "How many violations are warnings.",
      resolve: (p) => p.violations.filter((v) => v.importance === "warning").length,
    }),
  }),
});

builder.queryField("reportPreview", (t) =>
  t.field({
    type: ReportPreviewType,
    description:
      "Builds a report of a region (inside the caller's scope) for a period from the ledger and checks the consistency rules, without submitting it.",
    authScopes: { ledgerRead: true },
    complexity: 100,
    args: REPORT_ARGS,
    resolve: async (_root, args, ctx) => {
      const request = parseReportRequest(args.profile, args.period);
      const regionCode = requireRegion(ctx, args.regionCode);
      const report = await prepareReport(ctx.services.sql, regionCode, request);
      return { summary: summarizeReport(report.dataset), violations: report.violations };
    },
  }),
);
