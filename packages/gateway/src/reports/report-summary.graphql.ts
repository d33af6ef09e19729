import { builder } from "../graphql/builder.js";
import { reportKey } from "../graphql/fields.js";
import { ReportFigureType } from "./report-figure.graphql.js";
import type { ReportSummary } from "./report-summary.js";

/** GraphQL type of a report dataset's summary. */
export const ReportSummaryType = builder.objectRef<ReportSummary>("ReportSummary").implement({
  description:
    "A report dataset at a glance: its profile, region, period, as-of date, row counts and key totals.",
  fields: (t) => ({
    ...reportKey(t, "Report profile: province-households, city-projects or city-campaign."),
    asOf: t.exposeString("asOf", { description: "Date every figure is as of (YYYY-MM-DD)." }),
    rowCounts: t.field({
      type: [ReportFigureType],
      description: "How many rows each part of the dataset has.",
      resolve: (s) => s.rowCounts,
    }),
    totals: t.field({
      type: [ReportFigureType],
      description: "Key totals of the dataset (report 3: the region's figures of the period's last month).",
      resolve: (s) => s.totals,
    }),
  }),
});
