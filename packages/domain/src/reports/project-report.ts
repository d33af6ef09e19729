import { FUND_SOURCES, type FundSource } from "../funds/fund.js";
import type { LedgerData } from "../ledger/ledger.js";
import type { LinkageMode } from "../linkage/linkage.js";
import type { ProjectStage } from "../projects/project.js";
import type { IsoDate } from "../shared/dates.js";
import type { Fen } from "../shared/money.js";
import {
  disbursementsByProject,
  fundUsesByProject,
  isInRegion,
  type ReportOptions,
  reportAsOf,
  stageOn,
} from "./as-of.js";
import type { ReportHeader, ReportPeriod } from "./period.js";

/** Amounts by fund source (中央, 省级, 市级, 县级, 自筹), in fen, every source present. */
export type AmountsBySource = Readonly<Record<FundSource, Fen>>;

/** A dated disbursement (拨付) to a project, from the ledger's disbursement record. */
export interface DisbursementLine {
  /** The disbursement record. */
  readonly disbursementId: string;
  /** The project's fund use of the same fund, where the ledger has one ("" when it has none). */
  readonly fundUseId: string;
  readonly fundId: string;
  readonly source: FundSource;
  readonly date: IsoDate;
  readonly amountFen: Fen;
}

/** A project row of report 2 (市产业扶贫项目). */
export interface ProjectReportRow {
  readonly projectId: string;
  readonly name: string;
  readonly year: number;
  readonly townshipCode: string;
  readonly villageCode: string | null;
  readonly industryId: string;
  readonly industryName: string;
  readonly entityId: string | null;
  readonly entityName: string | null;
  readonly creditCode: string | null;
  readonly plannedFen: AmountsBySource;
  readonly plannedTotalFen: Fen;
  readonly disbursedFen: AmountsBySource;
  readonly disbursedTotalFen: Fen;
  readonly disbursements: readonly DisbursementLine[];
  readonly beneficiaryHouseholdIds: readonly string[];
  readonly beneficiaryHouseholdNumbers: readonly string[];
  readonly beneficiaryPersons: number;
  readonly linkageMode: LinkageMode | null;
  readonly performanceTarget: string;
  readonly stage: ProjectStage;
  readonly stageDates: Readonly<Partial<Record<ProjectStage, IsoDate>>>;
}

/** Report 2 (市产业扶贫项目): project level for a region and period, as of a date. */
export interface ProjectReport extends ReportHeader<"city-projects"> {
  readonly projects: readonly ProjectReportRow[];
}

/** An empty amount for every fund source. */
export function zeroBySource(): Record<FundSource, Fen> {
  return Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Record<FundSource, Fen>;
}

/**
 * Report 2 (市产业扶贫项目) for a region and period: the projects of the period's year and earlier
 * ones not yet handed over, as they stood on the as-of date — stage and its dates, planned funding
 * and the disbursements dated up to the as-of date by source, beneficiaries.
 */
export function buildProjectReport(
  data: LedgerData,
  regionCode: string,
  period: ReportPeriod,
  options: ReportOptions = {},
): ProjectReport {
  const asOf = reportAsOf(period, options.asOf);
  const start = `${period.year}-01-01`;
  const industries = new Map(data.industries.map((i) => [i.id, i]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const funds = new Map(data.funds.map((f) => [f.id, f]));
  const households = new Map(data.households.map((h) => [h.id, h]));
  const size = new Map<string, number>();
  for (const m of data.members) size.set(m.householdId, (size.get(m.householdId) ?? 0) + 1);
  const uses = fundUsesByProject(data);
  const paid = disbursementsByProject(data);
  const rows: ProjectReportRow[] = [];
  for (const p of data.projects) {
    const reached = stageOn(p, asOf);
    if (!isInRegion(p.regionCode, regionCode) || reached === null || p.year > period.year) continue;
    const handover = p.stages.find((s) => s.stage === "handover");
    if (p.year < period.year && handover !== undefined && handover.date < start) continue;
    const useOfFund = new Map((uses.get(p.id) ?? []).map((u) => [u.fundId, u.id]));
    const disbursements = (paid.get(p.id) ?? [])
      .filter((d) => d.date <= asOf && funds.has(d.fundId))
      .map((d) => ({
        disbursementId: d.id,
        fundUseId: useOfFund.get(d.fundId) ?? "",
        fundId: d.fundId,
        source: funds.get(d.fundId)!.source,
        date: d.date,
        amountFen: d.amountFen,
      }))
      .sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.disbursementId.localeCompare(b.disbursementId),
      );
    const disbursedFen = zeroBySource();
    for (const d of disbursements) disbursedFen[d.source] += d.amountFen;
    const plannedFen = { ...zeroBySource(), ...p.fundingFen } as Record<FundSource, Fen>;
    const entity = p.entityId === null ? undefined : entities.get(p.entityId);
    const beneficiaries = p.beneficiaryHouseholdIds.filter((id) => households.has(id));
    rows.push({
      projectId: p.id,
      name: p.name,
      year: p.year,
      townshipCode: p.regionCode.slice(0, 9),
      villageCode: p.regionCode.length === 12 ? p.regionCode : null,
      industryId: p.industryId,
      industryName: industries.get(p.industryId)?.name ?? "",
      entityId: p.entityId,
      entityName: entity?.name ?? null,
      creditCode: entity?.creditCode ?? null,
      plannedFen,
      plannedTotalFen: sum(Object.values(plannedFen)),
      disbursedFen,
      disbursedTotalFen: sum(disbursements.map((d) => d.amountFen)),
      disbursements,
      beneficiaryHouseholdIds: beneficiaries,
      beneficiaryHouseholdNumbers: beneficiaries.map((id) => households.get(id)!.householdNumber),
      beneficiaryPersons: sum(beneficiaries.map((id) => size.get(id) ?? 0)),
      linkageMode: p.linkageMode,
      performanceTarget: p.performanceTarget,
      stage: reached.stage,
      stageDates: Object.fromEntries(p.stages.filter((s) => s.date <= asOf).map((s) => [s.stage, s.date])),
    });
  }
  rows.sort((a, b) => a.projectId.localeCompare(b.projectId));
  return { profile: "city-projects", regionCode, period, asOf, projects: rows };
}

/** The sum of amounts. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
