import type { IsoDate } from "../shared/dates.js";
import { monthEnd, type ReportPeriod } from "./period.js";

/** When a report is due: a day of the month after a monthly period, or a month and day of the year after a yearly one. */
export interface ReportDeadline {
  readonly frequency: "monthly" | "yearly";
  readonly day: number;
  readonly month?: number | undefined;
}

/** Codes of the findings about deliveries to the platforms. */
export const SYNC_FINDING_CODES = ["SYNC.LATE"] as const;
/** A sync finding code. */
export type SyncFindingCode = (typeof SYNC_FINDING_CODES)[number];

/** A report delivered after its deadline, or still not delivered past it (报表未按时报送). */
export interface SyncFinding {
  readonly code: SyncFindingCode;
  readonly severity: "high";
  readonly regionCode: string;
  readonly subjectType: "sync_run";
  readonly subjectId: string;
  readonly dueDate: IsoDate;
  /** The China date it was delivered on; null while it is not. */
  readonly deliveredOn: IsoDate | null;
  readonly message: { readonly zh: string; readonly en: string };
}

const pad = (n: number) => String(n).padStart(2, "0");

function clampedDay(year: number, month: number, day: number): IsoDate {
  const last = Number(monthEnd(year, month).slice(8));
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/**
 * The date a period's report is due: for a monthly deadline, its day in the month after a monthly
 * period (or in January after a yearly one); for a yearly deadline, its month and day of the next year.
 * A day past the month's end is its last day (31 in February is the 28th or 29th).
 */
export function reportDueDate(deadline: ReportDeadline, period: ReportPeriod): IsoDate {
  if (deadline.frequency === "yearly") return clampedDay(period.year + 1, deadline.month ?? 1, deadline.day);
  if (period.kind === "year") return clampedDay(period.year + 1, 1, deadline.day);
  const next =
    period.month === 12
      ? { year: period.year + 1, month: 1 }
      : { year: period.year, month: period.month + 1 };
  return clampedDay(next.year, next.month, deadline.day);
}

/** What `lateSyncFinding` judges: a run's report, its due date, the China date it was delivered on (if it was), and today. */
export interface SyncDelivery {
  readonly runId: string;
  readonly profile: string;
  readonly regionCode: string;
  readonly period: string;
  readonly dueDate: IsoDate;
  readonly deliveredOn: IsoDate | null;
  readonly today: IsoDate;
}

/** SYNC.LATE when a report was delivered after its due date, or is still undelivered after it; null otherwise. */
export function lateSyncFinding(d: SyncDelivery): SyncFinding | null {
  const late = d.deliveredOn === null ? d.today > d.dueDate : d.deliveredOn > d.dueDate;
  if (!late) return null;
  const when =
    d.deliveredOn === null
      ? { zh: `截至${d.today}仍未报送`, en: `still not delivered on ${d.today}` }
      : { zh: `于${d.deliveredOn}报送`, en: `delivered on ${d.deliveredOn}` };
  return {
    code: "SYNC.LATE",
    severity: "high",
    regionCode: d.regionCode,
    subjectType: "sync_run",
    subjectId: d.runId,
    dueDate: d.dueDate,
    deliveredOn: d.deliveredOn,
    message: {
      zh: `${d.profile} ${d.period} 报表应于${d.dueDate}前报送，${when.zh}`,
      en: `${d.profile} ${d.period} was due by ${d.dueDate}, ${when.en}`,
    },
  };
}
