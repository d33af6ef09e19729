import type { IsoDate } from "../shared/dates.js";
import { err, ok, type Result } from "../shared/result.js";

/** A reporting period: a year (`2025`) or a month of a year (`2025-12`). */
export type ReportPeriod =
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number };

/** What every report states first: its profile, the region, the period and the date it is as of. */
export interface ReportHeader<P extends string> {
  readonly profile: P;
  readonly regionCode: string;
  readonly period: ReportPeriod;
  readonly asOf: IsoDate;
}

/** The error of `parseReportPeriod`. */
export interface ReportPeriodError {
  readonly code: "REPORT.INVALID_PERIOD";
  readonly message: string;
}

/** Parses `2025` (a year) or `2025-12` (a month) into a typed period. */
export function parseReportPeriod(text: string): Result<ReportPeriod, ReportPeriodError> {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text.trim());
  const year = Number(m?.[1]);
  const month = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || year < 2000 || year > 2100 || (month !== null && (month < 1 || month > 12))) {
    return err({
      code: "REPORT.INVALID_PERIOD",
      message: `period must be a year such as 2025 or a month such as 2025-12, got "${text}"`,
    });
  }
  return ok(month === null ? { kind: "year", year } : { kind: "month", year, month });
}

/** The text form of a period: `2025` or `2025-03`. */
export function formatReportPeriod(period: ReportPeriod): string {
  return period.kind === "year" ? String(period.year) : `${period.year}-${pad(period.month)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The last calendar day of a month. */
export function monthEnd(year: number, month: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** The first day of a period. */
export function periodStart(period: ReportPeriod): IsoDate {
  return period.kind === "year" ? `${period.year}-01-01` : `${period.year}-${pad(period.month)}-01`;
}

/** The last day of a period: the date its figures are as of when it has ended. */
export function periodEnd(period: ReportPeriod): IsoDate {
  return period.kind === "year" ? `${period.year}-12-31` : monthEnd(period.year, period.month);
}

/** The last month a period covers (12 for a year). */
export function lastMonthOf(period: ReportPeriod): number {
  return period.kind === "year" ? 12 : period.month;
}

/** The period just before: the previous year, or the previous month (December of the year before January). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind === "year") return { kind: "year", year: period.year - 1 };
  return period.month === 1
    ? { kind: "month", year: period.year - 1, month: 12 }
    : { kind: "month", year: period.year, month: period.month - 1 };
}

/** The month (1–12) of an ISO date. */
export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}
