import type { IsoDate } from "./dates.js";

/** The years a ledger speaks of on a day: the current year (still running) and the latest complete year. */
export interface LedgerYears {
  /** The year of the as-of date. */
  readonly currentYear: number;
  /** The year before it: the latest year with twelve months of records, the one annual assessments are about. */
  readonly latestCompleteYear: number;
}

/** The current and latest complete year of a ledger as of `today` (a China date). */
export function ledgerYears(today: IsoDate): LedgerYears {
  const currentYear = Number(today.slice(0, 4));
  return { currentYear, latestCompleteYear: currentYear - 1 };
}
