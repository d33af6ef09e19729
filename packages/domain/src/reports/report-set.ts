import type { LedgerData } from "../ledger/ledger.js";
import type { ReportOptions } from "./as-of.js";
import { buildCampaignReport, type CampaignReport } from "./campaign-report.js";
import type { RuleContext } from "./consistency.js";
import { buildHouseholdReport, type HouseholdReport } from "./household-report.js";
import type { ReportPeriod } from "./period.js";
import { buildProjectReport, type ProjectReport } from "./project-report.js";

/** The three report datasets of one region and period, all as of the same date. */
export interface ReportSet {
  readonly households: HouseholdReport;
  readonly projects: ProjectReport;
  readonly campaign: CampaignReport;
}

/** A report profile's dataset, by the profile name that selects it. */
export type ReportDataset = HouseholdReport | ProjectReport | CampaignReport;

/** Builds reports 1, 2 and 3 for a region and period as of one date (the period's end, or `asOf` if earlier). */
export function buildReportSet(
  data: LedgerData,
  regionCode: string,
  period: ReportPeriod,
  options: ReportOptions = {},
): ReportSet {
  return {
    households: buildHouseholdReport(data, regionCode, period, options),
    projects: buildProjectReport(data, regionCode, period, options),
    campaign: buildCampaignReport(data, regionCode, period, options),
  };
}

/** The rule context of a report set, with the ledger and optional previous submissions, reasons and submission metadata. */
export function reportRuleContext(
  data: LedgerData,
  set: ReportSet,
  extra: Pick<RuleContext, "previous" | "reasons" | "submission"> = {},
): RuleContext {
  return { ledger: data, ...set, ...extra };
}
