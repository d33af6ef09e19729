import type { IsoDate } from "../shared/dates.js";
import { ledgerYears } from "../shared/ledger-years.js";

/** The years the synthetic county covers as of a day: its reference year and the date its records stop. */
export interface SyntheticPeriod {
  readonly referenceYear: number;
  readonly asOf: IsoDate;
}

/**
 * The synthetic county's period for `today`, shared by the gateway's seed and the examples: the
 * current year up to today, so no record is dated in the future; in January and February the
 * latest complete year, since the generator needs at least two months of its reference year.
 */
export function syntheticPeriod(today: IsoDate): SyntheticPeriod {
  const { currentYear, latestCompleteYear } = ledgerYears(today);
  if (today.slice(5) < "03-01")
    return { referenceYear: latestCompleteYear, asOf: `${latestCompleteYear}-12-31` };
  return { referenceYear: currentYear, asOf: today };
}
