import type { Household } from "../../households/household.js";
import { type HouseholdIndustry, hasCountableOutcome } from "../../industries/industry.js";
import { linkageCoversYear } from "../../linkage/linkage.js";
import type { Project } from "../../projects/project.js";
import { type AssessmentContext, linkageYearOf, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

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

/** A failing household industry of the assessed year, with its household and survival rate in whole per cent. */
export interface FailingHouseholdIndustry {
  readonly record: HouseholdIndustry;
  readonly household: Household;
  /** units survived / units started, as a whole percentage. */
  readonly ratePct: number;
}

/** The household industries of the assessed year that are failing (`isFailing`), each with its household. */
export function failingHouseholdIndustries(ctx: AssessmentContext): FailingHouseholdIndustry[] {
  const out: FailingHouseholdIndustry[] = [];
  for (const record of ctx.index.householdIndustriesByYear.get(ctx.year) ?? NONE) {
    if (!isFailing(ctx, record)) continue;
    const household = ctx.index.households.get(record.householdId);
    if (!household) continue;
    out.push({ record, household, ratePct: Math.round((record.unitsSurvived / record.unitsStarted) * 100) });
  }
  return out;
}

/** Whether a technical service dated in `year` listed the household. */
export function servedIn(ctx: AssessmentContext, householdId: string, year: number): boolean {
  return ctx.index.servedHouseholdsByYear.get(year)?.has(householdId) === true;
}

/**
 * Whether a technical service dated in `year` listed the household, or served its village on the
 * industry (a team's visit to the village's beekeepers reaches each of them).
 */
export function servedOnIndustry(
  ctx: AssessmentContext,
  household: Pick<Household, "id" | "villageCode">,
  industryId: string | null,
  year: number,
): boolean {
  if (servedIn(ctx, household.id, year)) return true;
  if (industryId === null) return false;
  return (ctx.index.servicesByYear.get(year) ?? NONE).some(
    (s) => s.regionCode === household.villageCode && s.industryId === industryId,
  );
}

/** The projects of the assessed year or before: those whose oversight the year can judge. */
export function projectsUpToYear(ctx: AssessmentContext): Project[] {
  return ctx.ledger.projects.filter((p) => p.year <= ctx.year);
}

/** A finding about a project: its township, the project as subject and evidence. */
export function projectFinding(
  detector: Pick<FindingDetector, "code" | "severity" | "subjectType">,
  ctx: AssessmentContext,
  p: Project,
  message: { zh: string; en: string },
): Finding {
  return makeFinding(detector, ctx, {
    regionCode: p.regionCode.slice(0, 9),
    subjectId: p.id,
    evidence: [p.id],
    ...message,
  });
}
