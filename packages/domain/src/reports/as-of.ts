import type { AssessmentPolicy } from "../assessment/policy.js";
import type { FundUse } from "../funds/fund.js";
import type { FundDisbursement } from "../funds/fund-disbursement.js";
import type { LedgerData } from "../ledger/ledger.js";
import type { Project, ProjectStage } from "../projects/project.js";
import type { IsoDate } from "../shared/dates.js";
import { periodEnd, type ReportPeriod } from "./period.js";

/** Options of the report builders. */
export interface ReportOptions {
  /** The date the figures are as of, when earlier than the period's end. */
  readonly asOf?: IsoDate;
  /** Overrides of the default thresholds the reports share with the findings (report 3's covered poor villages). */
  readonly policy?: Partial<AssessmentPolicy>;
}

/** The date a dataset's figures are as of: the period's end, or `asOf` when given and earlier. */
export function reportAsOf(period: ReportPeriod, asOf?: IsoDate): IsoDate {
  const end = periodEnd(period);
  return asOf !== undefined && asOf < end ? asOf : end;
}

/** Whether a record's region code lies within the report's region. */
export function isInRegion(code: string, regionCode: string): boolean {
  return code.startsWith(regionCode);
}

/** The dated disbursements (拨付) of a ledger to projects, grouped by project id. */
export function disbursementsByProject(data: LedgerData): Map<string, FundDisbursement[]> {
  const byProject = new Map<string, FundDisbursement[]>();
  for (const d of data.disbursements) {
    if (d.projectId === null) continue;
    const list = byProject.get(d.projectId);
    if (list) list.push(d);
    else byProject.set(d.projectId, [d]);
  }
  return byProject;
}

/**
 * The date a fund use counts as disbursed. Today's ledger records fund uses by year only: a use
 * for a project counts from the project's implementation date in that year, any other from the
 * year's last day. Reports 2 and 3 now date disbursements from the ledger's disbursement records
 * (`disbursementsByProject`); this stays for callers that have only fund uses.
 */
export function fundUseDate(use: FundUse, project: Project | undefined): IsoDate {
  const started = project?.stages.find((s) => s.stage === "implementation")?.date;
  return started !== undefined && Number(started.slice(0, 4)) === use.year ? started : `${use.year}-12-31`;
}

/** The stage a project had reached on a date, or null when it had not yet applied. */
export function stageOn(project: Project, date: IsoDate): { stage: ProjectStage; date: IsoDate } | null {
  let reached: { stage: ProjectStage; date: IsoDate } | null = null;
  for (const s of project.stages) if (s.date <= date) reached = s;
  return reached;
}

/** Fund uses of a ledger grouped by project id. */
export function fundUsesByProject(data: LedgerData): Map<string, FundUse[]> {
  const byProject = new Map<string, FundUse[]>();
  for (const u of data.fundUses) {
    if (u.projectId === null) continue;
    const list = byProject.get(u.projectId) ?? [];
    list.push(u);
    byProject.set(u.projectId, list);
  }
  return byProject;
}
