import { type HouseholdIndustry, hasCountableOutcome } from "../../industries/industry.js";
import { linkageCoversYear } from "../../linkage/linkage.js";
import { type AssessmentContext, linkageYearOf, NONE } from "../context.js";

/** Whether a household has a linkage that existed in `year`. */
export function hasLinkageCovering(ctx: AssessmentContext, householdId: string, year: number): boolean {
  return (ctx.index.linkagesByHousehold.get(householdId) ?? NONE).some((l) => linkageCoversYear(l, year));
}

/** Whether a household received anything (receivedFen > 0) through any of its linkages in `year`. */
export function receivedThroughLinkage(ctx: AssessmentContext, householdId: string, year: number): boolean {
  for (const l of ctx.index.linkagesByHousehold.get(householdId) ?? NONE) {
    const y = linkageYearOf(ctx.index, l.id, year);
    if (y && y.receivedFen > 0) return true;
  }
  return false;
}

/** Whether a household took part in any linkage in `year`. */
export function tookPartInLinkage(ctx: AssessmentContext, householdId: string, year: number): boolean {
  for (const l of ctx.index.linkagesByHousehold.get(householdId) ?? NONE) {
    if (linkageYearOf(ctx.index, l.id, year)?.tookPart) return true;
  }
  return false;
}

const ABLE = new Set(["ordinary", "skilled"]);

/** The households with members listed, and those with a member able to work (普通 or 技能劳动力). */
export function labourOfHouseholds(ctx: AssessmentContext): {
  readonly listed: ReadonlySet<string>;
  readonly able: ReadonlySet<string>;
} {
  const listed = new Set<string>();
  const able = new Set<string>();
  for (const m of ctx.ledger.members) {
    listed.add(m.householdId);
    if (ABLE.has(m.labourAbility)) able.add(m.householdId);
  }
  return { listed, able };
}

/**
 * Whether a household's industry record shows a failing industry: an industry counted in living units
 * (bee colonies, birds, livestock; never an area in 亩) that kept fewer alive than the alert rate.
 */
export function isFailing(ctx: AssessmentContext, r: HouseholdIndustry): boolean {
  const industry = ctx.index.industries.get(r.industryId);
  if (!industry || !hasCountableOutcome(industry) || r.unitsStarted <= 0) return false;
  return r.unitsSurvived / r.unitsStarted < ctx.policy.survivalAlertRate;
}
