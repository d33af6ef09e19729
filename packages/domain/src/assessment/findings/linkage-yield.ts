import type { Linkage, LinkageYear } from "../../linkage/linkage.js";
import type { AssessmentPolicy } from "../policy.js";

/**
 * What a linkage's mode should yield a household in a year: from its recorded basis where there is
 * one (dividend against the sum invested, wages against months worked, rent against land), else the
 * policy's least yearly yield of the mode.
 */
export function expectedYieldFen(policy: AssessmentPolicy, linkage: Linkage, year: LinkageYear): number {
  if (linkage.mode === "equity_dividend" && year.investedFen != null)
    return Math.round(year.investedFen * policy.dividendRateMin);
  if (linkage.mode === "employment" && year.monthsWorked != null)
    return Math.round(year.monthsWorked * policy.monthlyWageMinFen);
  if (linkage.mode === "land_lease" && year.areaMu != null)
    return Math.round(year.areaMu * policy.rentPerMuMinFen);
  return policy.modeYieldFen[linkage.mode];
}

/** Whether a year's benefit is a token: more than nothing, less than the mode should yield. */
export function isTokenBenefit(policy: AssessmentPolicy, linkage: Linkage, year: LinkageYear): boolean {
  return year.receivedFen > 0 && year.receivedFen < expectedYieldFen(policy, linkage, year);
}
