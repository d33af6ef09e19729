import { summariseFindings, type TownshipFindingSummary } from "@fupin/domain";
import { LEDGER_TABLES } from "../../ledger/tables.js";
import { assessedRegionYear, assessmentArgs } from "../assessed-year.js";
import { builder } from "../builder.js";
import { reference } from "../fields.js";
import { ASSESSMENT_COMPLEXITY } from "../limits-config.js";
import { RegionRef } from "../refs.js";
import { scopeSql } from "../scope.js";
import { FindingTallyType } from "./finding-tally.js";

const TownshipFindingSummaryType = builder
  .objectRef<TownshipFindingSummary>("TownshipFindingSummary")
  .implement({
    description:
      "One township's findings of a year counted by severity and by code (the county's own row holds the county-level findings).",
    fields: (t) => ({
      ...reference(t, "regionCode", RegionRef, {
        key: "The township, or the county code for county-level findings (funds).",
        record: "The township (or the county).",
      }),
      year: t.exposeInt("year", { description: "The year assessed." }),
      total: t.exposeInt("total", { description: "Findings of the township in the year." }),
      critical: t.int({ description: "Critical findings.", resolve: (s) => s.bySeverity.critical }),
      high: t.int({ description: "High-severity findings.", resolve: (s) => s.bySeverity.high }),
      medium: t.int({ description: "Medium-severity findings.", resolve: (s) => s.bySeverity.medium }),
      low: t.int({ description: "Low-severity findings.", resolve: (s) => s.bySeverity.low }),
      byCode: t.field({
        type: [FindingTallyType],
        description: "Findings per code, most severe first; codes with none left out.",
        resolve: (s) => s.byCode,
      }),
    }),
  });

builder.queryField("findingSummary", (t) =>
  t.field({
    type: [TownshipFindingSummaryType],
    description:
      "Per township of a region (inside the caller's scope), the year's findings counted by code and severity; every township listed, a clean one with zeros; the county's own row (county-level findings) when the region is the county or above.",
    authScopes: { ledgerRead: true },
    complexity: ASSESSMENT_COMPLEXITY.findings,
    args: assessmentArgs(t.arg, "assessed", "county or township"),
    resolve: async (_root, args, ctx) => {
      const { regionCode, year } = assessedRegionYear(ctx, args);
      const params: unknown[] = [];
      const where = scopeSql(regionCode, params);
      const [findings, townships] = await Promise.all([
        ctx.services.assessment.findings(ctx, regionCode, year),
        ctx.services.sql.query<{ code: string }>(
          `SELECT code FROM ${LEDGER_TABLES.regions.table} WHERE ${where} AND level = 'township' ORDER BY code`,
          params,
        ),
      ]);
      return summariseFindings(
        findings,
        year,
        townships.map((r) => r.code),
      );
    },
  }),
);
