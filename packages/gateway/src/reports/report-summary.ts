import {
  CAMPAIGN_FIGURE_LABELS,
  type CampaignFigure,
  formatReportPeriod,
  type ReportDataset,
  type ReportHeader,
} from "@fupin/domain";

/** A named figure of a report summary: a row count or a total (amounts in fen). */
export interface ReportFigure {
  readonly name: string;
  readonly label: string;
  readonly value: number;
}

/** What a report dataset holds at a glance: its header (the period as text), its rows and key totals. */
export interface ReportSummary extends Omit<ReportHeader<string>, "period"> {
  readonly period: string;
  readonly rowCounts: readonly ReportFigure[];
  readonly totals: readonly ReportFigure[];
}

const sum = <T>(items: readonly T[], value: (t: T) => number) => items.reduce((a, t) => a + value(t), 0);
const figure = (name: string, label: string, value: number): ReportFigure => ({ name, label, value });

function figuresOf(dataset: ReportDataset): Pick<ReportSummary, "rowCounts" | "totals"> {
  switch (dataset.profile) {
    case "province-households": {
      const hs = dataset.households;
      return {
        rowCounts: [
          figure("households", "户数", hs.length),
          figure("persons", "人数", dataset.persons.length),
        ],
        totals: [
          figure(
            "subsidyFen",
            "产业补助金额(分)",
            sum(hs, (h) => sum(h.subsidies, (s) => s.amountFen)),
          ),
          figure(
            "linkageReceivedFen",
            "利益联结收益(分)",
            sum(hs, (h) => sum(h.linkages, (l) => l.receivedFen)),
          ),
          figure(
            "netIncomeFen",
            "家庭纯收入(分)",
            sum(hs, (h) => h.income?.netFen ?? 0),
          ),
        ],
      };
    }
    case "city-projects": {
      const ps = dataset.projects;
      return {
        rowCounts: [figure("projects", "项目数", ps.length)],
        totals: [
          figure(
            "plannedFen",
            "计划投资(分)",
            sum(ps, (p) => p.plannedTotalFen),
          ),
          figure(
            "disbursedFen",
            "已拨付(分)",
            sum(ps, (p) => p.disbursedTotalFen),
          ),
          figure(
            "beneficiaryPersons",
            "受益人数",
            sum(ps, (p) => p.beneficiaryPersons),
          ),
        ],
      };
    }
    case "city-campaign": {
      const last = dataset.totals.at(-1);
      const figures = Object.entries(last?.figures ?? {}) as [CampaignFigure, number][];
      return {
        rowCounts: [
          figure("townshipMonths", "乡镇月度行数", dataset.rows.length),
          figure("months", "月份数", dataset.totals.length),
        ],
        totals: figures.map(([name, value]) => figure(name, CAMPAIGN_FIGURE_LABELS[name], value)),
      };
    }
  }
}

/** The summary of a report dataset: row counts and key totals (report 3: the region's figures of the last month). */
export function summarizeReport(dataset: ReportDataset): ReportSummary {
  return {
    profile: dataset.profile,
    regionCode: dataset.regionCode,
    period: formatReportPeriod(dataset.period),
    asOf: dataset.asOf,
    ...figuresOf(dataset),
  };
}
