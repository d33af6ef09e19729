import { z } from "zod";

/** A calendar date as an ISO string `YYYY-MM-DD`. */
export type IsoDate = string;

/** Whether `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Schema of an ISO calendar date. */
export const isoDateSchema = z
  .string({ error: "must be a date (YYYY-MM-DD)" })
  .refine(isIsoDate, { error: "must be a real date in the form YYYY-MM-DD" });

/** Schema of a year the ledger may record (2000–2100). */
export const yearSchema = z
  .number({ error: "must be a year" })
  .int({ error: "must be a whole year" })
  .min(2000, { error: "must be 2000 or later" })
  .max(2100, { error: "must be 2100 or earlier" });

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Adds whole days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date part of an instant, in China Standard Time (UTC+8), which is the ledger's calendar. */
export function chinaDateOf(now: Date): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
