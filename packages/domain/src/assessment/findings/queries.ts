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
