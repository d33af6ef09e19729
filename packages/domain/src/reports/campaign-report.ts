import { DEFAULT_POLICY } from "../assessment/policy.js";
import { coveredHouseholds, type PoorVillageCoverage, poorVillageCoverage } from "../coverage/coverage.js";
import type { LedgerData } from "../ledger/ledger.js";
import { linkageCoversYear } from "../linkage/linkage.js";
import { PROJECT_STAGES, type ProjectStage } from "../projects/project.js";
import { isRectificationClosedBy, isRectificationOverdue } from "../rectification/rectification.js";
import type { IsoDate } from "../shared/dates.js";
import { isInRegion, type ReportOptions, reportAsOf, stageOn } from "./as-of.js";
import { lastMonthOf, monthEnd, type ReportHeader, type ReportPeriod } from "./period.js";

/** How a figure of report 3 is counted: a stock at month end, the month's flow, or the flow since January. */
export type FigureKind = "stock" | "month" | "cumulative";

/** The figures of report 3 (市产业扶贫攻坚行动), each with its kind. */
export const CAMPAIGN_FIGURES = {
  registeredHouseholds: "stock",
  registeredPersons: "stock",
  coveredHouseholds: "stock",
  linkedHouseholds: "stock",
  linkageBenefitFen: "stock",
  poorVillages: "stock",
  poorVillagesCovered: "stock",
  newLinkagesMonth: "month",
  newLinkagesCum: "cumulative",
  subsidyHouseholdsMonth: "month",
  subsidyHouseholdsCum: "cumulative",
  subsidyFenMonth: "month",
  subsidyFenCum: "cumulative",
  visitsMonth: "month",
  visitsCum: "cumulative",
  trainingsMonth: "month",
  trainingsCum: "cumulative",
  disbursedFenMonth: "month",
  disbursedFenCum: "cumulative",
  rectificationsFoundMonth: "month",
  rectificationsFoundCum: "cumulative",
  rectificationsClosedMonth: "month",
  rectificationsClosedCum: "cumulative",
  rectificationsOverdue: "stock",
  rectificationsFoundTotal: "stock",
  rectificationsClosedTotal: "stock",
} as const satisfies Record<string, FigureKind>;

/** A figure name of report 3. */
export type CampaignFigure = keyof typeof CAMPAIGN_FIGURES;

/** Pairs of a monthly figure and its cumulative counterpart (R7: cumulative(M) = cumulative(M−1) + monthly(M)). */
export const MONTHLY_CUMULATIVE_PAIRS = [
  ["newLinkagesMonth", "newLinkagesCum"],
  ["subsidyFenMonth", "subsidyFenCum"],
  ["visitsMonth", "visitsCum"],
  ["trainingsMonth", "trainingsCum"],
  ["disbursedFenMonth", "disbursedFenCum"],
  ["rectificationsFoundMonth", "rectificationsFoundCum"],
  ["rectificationsClosedMonth", "rectificationsClosedCum"],
] as const satisfies readonly (readonly [CampaignFigure, CampaignFigure])[];

/** A row of report 3: one township (or the whole region) in one month, as of that month's end. */
export interface CampaignRow {
  readonly regionCode: string;
  readonly month: number;
  readonly asOf: IsoDate;
  readonly figures: Readonly<Record<CampaignFigure, number>>;
  readonly projectsByStage: Readonly<Record<ProjectStage, number>>;
}

/** Report 3 (市产业扶贫攻坚行动): per township per month from January to the period's last month, and the region's totals. */
export interface CampaignReport extends ReportHeader<"city-campaign"> {
  readonly rows: readonly CampaignRow[];
  readonly totals: readonly CampaignRow[];
}

function townshipsOf(data: LedgerData, regionCode: string): string[] {
  const codes = new Set<string>();
  for (const r of data.regions)
    if (r.level === "township" && isInRegion(r.code, regionCode)) codes.add(r.code);
  for (const h of data.households)
    if (isInRegion(h.villageCode, regionCode)) codes.add(h.villageCode.slice(0, 9));
  return [...codes].sort();
}

function inMonth(date: IsoDate, year: number, month: number): boolean {
  return Number(date.slice(0, 4)) === year && Number(date.slice(5, 7)) === month;
}

function upTo(date: IsoDate, year: number, end: IsoDate): boolean {
  return Number(date.slice(0, 4)) === year && date <= end;
}

/** Who industry support covered on a month's end, county-wide: the definitions the findings use (`coverage/coverage.ts`). */
interface CoverageOn {
  readonly households: ReadonlySet<string>;
  readonly poorVillages: readonly PoorVillageCoverage[];
}

function coverageOn(data: LedgerData, year: number, end: IsoDate, shareMin: number): CoverageOn {
  const households = coveredHouseholds(data, year, end);
  return { households, poorVillages: poorVillageCoverage(data, year, end, households, shareMin) };
}

function stockFigures(data: LedgerData, code: string, year: number, end: IsoDate, coverage: CoverageOn) {
  const households = data.households.filter(
    (h) => isInRegion(h.villageCode, code) && h.registeredYear <= year,
  );
  const ids = new Set(households.map((h) => h.id));
  const linkages = data.linkages.filter((l) => ids.has(l.householdId) && linkageCoversYear(l, year));
  const linkageIds = new Set(linkages.map((l) => l.id));
  const poor = coverage.poorVillages.filter((v) => isInRegion(v.village.code, code));
  const rect = data.rectifications.filter((r) => isInRegion(r.townshipCode, code) && r.foundDate <= end);
  return {
    registeredHouseholds: households.length,
    registeredPersons: data.members.filter((m) => ids.has(m.householdId)).length,
    coveredHouseholds: households.filter((h) => coverage.households.has(h.id)).length,
    linkedHouseholds: new Set(linkages.map((l) => l.householdId)).size,
    linkageBenefitFen: data.linkageYears
      .filter((y) => y.year === year && linkageIds.has(y.linkageId))
      .reduce((s, y) => s + y.receivedFen, 0),
    poorVillages: poor.length,
    poorVillagesCovered: poor.filter((v) => v.covered).length,
    // As of the month's end, not today: an item closed later was still open then.
    rectificationsOverdue: rect.filter((r) => isRectificationOverdue(r, end)).length,
    rectificationsFoundTotal: rect.length,
    rectificationsClosedTotal: rect.filter((r) => isRectificationClosedBy(r, end)).length,
  };
}

function flowFigures(data: LedgerData, code: string, year: number, month: number, end: IsoDate) {
  const households = new Set(data.households.filter((h) => isInRegion(h.villageCode, code)).map((h) => h.id));
  const subsidies = data.subsidies.filter((s) => households.has(s.householdId));
  const monthSubs = subsidies.filter((s) => inMonth(s.date, year, month));
  const cumSubs = subsidies.filter((s) => upTo(s.date, year, end));
  // A service counts where it took place, so that townships add up to the county.
  const services = data.services.filter((s) => isInRegion(s.regionCode, code));
  const count = (kind: string, pick: (d: IsoDate) => boolean) =>
    services.filter((s) => s.kind === kind && pick(s.date)).length;
  const projects = new Map(data.projects.filter((p) => isInRegion(p.regionCode, code)).map((p) => [p.id, p]));
  // Disbursed money is dated by the disbursement records (拨付), to projects of the township.
  const uses = data.disbursements
    .filter((d) => d.projectId !== null && projects.has(d.projectId))
    .map((d) => ({ amount: d.amountFen, date: d.date }));
  const rect = data.rectifications.filter((r) => isInRegion(r.townshipCode, code));
  const newLinkages = data.linkages.filter(
    (l) => households.has(l.householdId) && l.startYear === year,
  ).length;
  const isMonth = (d: IsoDate) => inMonth(d, year, month);
  const isCum = (d: IsoDate) => upTo(d, year, end);
  return {
    newLinkagesMonth: month === 1 ? newLinkages : 0,
    newLinkagesCum: newLinkages,
    subsidyHouseholdsMonth: new Set(monthSubs.map((s) => s.householdId)).size,
    subsidyHouseholdsCum: new Set(cumSubs.map((s) => s.householdId)).size,
    subsidyFenMonth: monthSubs.reduce((s, x) => s + x.amountFen, 0),
    subsidyFenCum: cumSubs.reduce((s, x) => s + x.amountFen, 0),
    visitsMonth: count("visit", isMonth),
    visitsCum: count("visit", isCum),
    trainingsMonth: count("training", isMonth),
    trainingsCum: count("training", isCum),
    disbursedFenMonth: uses.filter((u) => isMonth(u.date)).reduce((s, u) => s + u.amount, 0),
    disbursedFenCum: uses.filter((u) => isCum(u.date)).reduce((s, u) => s + u.amount, 0),
    rectificationsFoundMonth: rect.filter((r) => isMonth(r.foundDate)).length,
    rectificationsFoundCum: rect.filter((r) => isCum(r.foundDate)).length,
    rectificationsClosedMonth: rect.filter((r) => r.closedDate !== null && isMonth(r.closedDate)).length,
    rectificationsClosedCum: rect.filter((r) => r.closedDate !== null && isCum(r.closedDate)).length,
  };
}

function campaignRow(
  data: LedgerData,
  code: string,
  year: number,
  month: number,
  end: IsoDate,
  coverage: CoverageOn,
): CampaignRow {
  const projectsByStage = Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<
    ProjectStage,
    number
  >;
  for (const p of data.projects) {
    const reached = isInRegion(p.regionCode, code) && p.year <= year ? stageOn(p, end) : null;
    if (reached) projectsByStage[reached.stage]++;
  }
  return {
    regionCode: code,
    month,
    asOf: end,
    figures: {
      ...stockFigures(data, code, year, end, coverage),
      ...flowFigures(data, code, year, month, end),
    },
    projectsByStage,
  };
}

/**
 * Report 3 (市产业扶贫攻坚行动) for a region and period: for each township and for the region as a
 * whole, every month from January to the period's last month, monthly and cumulative figures as of
 * the month's end. Linkages are recorded by year: new linkages count in January, benefits are the
 * year's; disbursed money is dated by the ledger's disbursement records (拨付). Covered households and
 * poor villages are counted by the definitions the findings judge (`coveredHouseholds`,
 * `poorVillageCoverage` with the policy's share, `options.policy` over the default): a household's own industry of the year
 * counts as much as a linkage or a project.
 */
export function buildCampaignReport(
  data: LedgerData,
  regionCode: string,
  period: ReportPeriod,
  options: ReportOptions = {},
): CampaignReport {
  const asOf = reportAsOf(period, options.asOf);
  const months = Array.from({ length: lastMonthOf(period) }, (_, i) => i + 1).filter(
    (m) => `${period.year}-${String(m).padStart(2, "0")}-01` <= asOf,
  );
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, Math.min would give NaN
  const ends = months.map((m) => (monthEnd(period.year, m) < asOf ? monthEnd(period.year, m) : asOf));
  const shareMin = options.policy?.poorVillageCoveredShareMin ?? DEFAULT_POLICY.poorVillageCoveredShareMin;
  const coverage = ends.map((end) => coverageOn(data, period.year, end, shareMin));
  const row = (code: string, i: number) =>
    campaignRow(data, code, period.year, months[i]!, ends[i]!, coverage[i]!);
  const rows = townshipsOf(data, regionCode).flatMap((t) => months.map((_, i) => row(t, i)));
  const totals = months.map((_, i) => row(regionCode, i));
  return { profile: "city-campaign", regionCode, period, asOf, rows, totals };
}
