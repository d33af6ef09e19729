import type { Household } from "../../households/household.js";
import { type HouseholdIndustry, hasCountableOutcome } from "../../industries/industry.js";
import { type Linkage, linkageCoversYear } from "../../linkage/linkage.js";
import type { Project } from "../../projects/project.js";
import type { Region } from "../../regions/region.js";
import { isResponsibilityCurrent, type Responsibility } from "../../responsibility/responsibility.js";
import { addDays, yearOf } from "../../shared/dates.js";
import { type AssessmentContext, labels, linkageYearOf, NONE, push, townshipRegionOf } from "../context.js";
import type { FindingCode } from "../finding-codes.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * An entity's linkages by the township of their households. The rules over an entity's households
 * (ENTITY.SHIELD, LINKAGE.YEAR_TWO_EXIT, ENTITY.EMPTY_SHELL) judge each township's households apart and
 * report the finding in that township: the township answers for its own households, and its ledger,
 * which holds only them, finds there exactly what the county's finds.
 */
export function linkagesByTownship(
  ctx: AssessmentContext,
  linkages: readonly Linkage[],
): Map<string, Linkage[]> {
  const out = new Map<string, Linkage[]>();
  for (const l of linkages) {
    const h = ctx.index.households.get(l.householdId);
    if (h) push(out, townshipRegionOf(h.villageCode), l);
  }
  return out;
}

/** 南安镇: the name of a township, or its code. */
export function townshipName(ctx: AssessmentContext, township: string): string {
  return ctx.index.regions.get(township)?.name ?? township;
}

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

/**
 * A project-oversight rule (全过程监管): high severity, a project as subject and evidence. `judge`
 * says what is wrong with one of `projects` in the assessed year, or null where nothing is.
 */
export function projectOversight(
  code: FindingCode,
  projects: (ctx: AssessmentContext) => readonly Project[],
  judge: (ctx: AssessmentContext, p: Project) => { zh: string; en: string } | null,
): FindingDetector {
  return {
    code,
    severity: "high",
    subjectType: "project",
    detect(ctx) {
      return projects(ctx).flatMap((p) => {
        const message = judge(ctx, p);
        return message ? [projectFinding(this, ctx, p, message)] : [];
      });
    },
  };
}

/** How one household fared in an industry this year: poor results (and why) or not, with its records. */
export interface HouseholdResult {
  readonly householdId: string;
  /** Why its results are poor, or null when they are not. */
  readonly poor: "low_survival" | "shrank" | "gave_up" | null;
  /** Its records of the industry, last year's and this year's. */
  readonly recordIds: readonly string[];
}

/** How an industry fared in some villages: the households that kept it (this year or last) and those of them with poor results. */
export interface IndustryResults {
  readonly households: readonly HouseholdResult[];
  readonly poor: readonly HouseholdResult[];
}

function householdResult(
  ctx: AssessmentContext,
  now: HouseholdIndustry | undefined,
  before: HouseholdIndustry | undefined,
): HouseholdResult {
  const householdId = (now ?? before)!.householdId;
  const recordIds = [before?.id, now?.id].filter((id): id is string => id !== undefined);
  let poor: HouseholdResult["poor"] = null;
  const had = before !== undefined && before.unitsStarted > 0;
  if (now && isFailing(ctx, now)) poor = "low_survival";
  else if (had && !now) poor = "gave_up";
  else if (had && now && now.unitsStarted <= before.unitsStarted * ctx.policy.industryShrinkRate)
    poor = "shrank";
  return { householdId, poor, recordIds };
}

/**
 * Per village and industry (key `village|industry`), how each household that kept the industry this
 * year or last fared this year: survival below the alert rate, shrunk to `industryShrinkRate` of last
 * year's units or less, given up (a record last year, none this year), or none of these.
 */
export function householdResultsByVillageIndustry(ctx: AssessmentContext): Map<string, HouseholdResult[]> {
  const pairs = new Map<string, { now?: HouseholdIndustry; before?: HouseholdIndustry }>();
  const add = (r: HouseholdIndustry, when: "now" | "before") => {
    const key = `${r.householdId}|${r.industryId}`;
    const pair = pairs.get(key) ?? {};
    if (!pair[when]) pair[when] = r;
    pairs.set(key, pair);
  };
  for (const r of ctx.index.householdIndustriesByYear.get(ctx.year - 1) ?? NONE) add(r, "before");
  for (const r of ctx.index.householdIndustriesByYear.get(ctx.year) ?? NONE) add(r, "now");
  const out = new Map<string, HouseholdResult[]>();
  for (const { now, before } of pairs.values()) {
    const r = (now ?? before)!;
    const h = ctx.index.households.get(r.householdId);
    if (h) push(out, `${h.villageCode}|${r.industryId}`, householdResult(ctx, now, before));
  }
  return out;
}

/** How an industry fared over some villages, from `householdResultsByVillageIndustry`. */
export function industryResultsIn(
  byVillageIndustry: ReadonlyMap<string, readonly HouseholdResult[]>,
  villages: Iterable<string>,
  industryId: string,
): IndustryResults {
  const households = [...villages].flatMap((v) => byVillageIndustry.get(`${v}|${industryId}`) ?? NONE);
  return { households, poor: households.filter((h) => h.poor !== null) };
}

/** Whether an industry is failing where `results` were taken: enough households, and the policy share of them with poor results. */
export function isFailingIndustry(ctx: AssessmentContext, results: IndustryResults): boolean {
  const n = results.households.length;
  return (
    n >= ctx.policy.failingIndustryMinHouseholds && results.poor.length / n >= ctx.policy.failingIndustryShare
  );
}

/** 经营该产业的3户贫困户中2户效果不佳（…）: the results in words, the households called by their status in the year. */
export function industryResultsText(
  ctx: AssessmentContext,
  results: IndustryResults,
): { zh: string; en: string } {
  const rate = Math.round(ctx.policy.survivalAlertRate * 100);
  const shrink = Math.round(ctx.policy.industryShrinkRate * 100);
  return {
    zh: `经营该产业的${results.households.length}户${labels.statuses(
      ctx,
      results.households.map((h) => h.householdId),
    )}中${results.poor.length}户效果不佳（成活率低于${rate}%、规模缩减至上年${shrink}%以下或已放弃）`,
    en: `${results.poor.length} of the ${results.households.length} households keeping it did poorly (survival below ${rate}%, shrunk to ${shrink}% of last year or less, or gave it up)`,
  };
}

/** A region with no responsible person in force on the assessment date, and the assignments it had. */
export interface RegionWithoutPerson {
  readonly region: Region;
  /** Its assignments, none in force on the assessment date (ended, or not begun). */
  readonly past: readonly Responsibility[];
}

/**
 * The regions of a level (that `judged` keeps) with none of their responsible persons (`persons`, by
 * region code) in force on the assessment date: 乡、村两级主体责任 with nobody to carry it.
 */
export function regionsWithoutPerson(
  ctx: AssessmentContext,
  level: Region["level"],
  persons: ReadonlyMap<string, readonly Responsibility[]>,
  judged: (region: Region) => boolean = () => true,
): RegionWithoutPerson[] {
  const out: RegionWithoutPerson[] = [];
  for (const region of ctx.ledger.regions) {
    if (region.level !== level || !judged(region)) continue;
    const past = persons.get(region.code) ?? NONE;
    if (!past.some((r) => isResponsibilityCurrent(r, ctx.asOf))) out.push({ region, past });
  }
  return out;
}

/** The villages whose industry poverty work is judged: poor villages, and villages with a household registered by the year. */
export function villagesWithPoorWork(ctx: AssessmentContext): (region: Region) => boolean {
  const withHouseholds = new Set<string>();
  for (const h of ctx.ledger.households) if (h.registeredYear <= ctx.year) withHouseholds.add(h.villageCode);
  return (region) => region.isPoorVillage || withHouseholds.has(region.code);
}

/** A region that named more responsible persons in the year than the policy allows, and those it named. */
export interface RegionWithStandIns {
  readonly region: Region;
  /** The assignments of the year that put a new person in charge, in order. */
  readonly appointed: readonly Responsibility[];
}

/**
 * The assignments of a region that start in the assessed year (by the assessment date) and put in
 * charge a person who was not in charge the day before: a replacement, a transfer, a stand-in, or a
 * person named after a gap. A record split at the turn of the year, or issued again to the person
 * already in charge (a renewed term, a new phone number), changes nobody and is not counted.
 */
export function appointmentsInYear(
  ctx: AssessmentContext,
  assignments: readonly Responsibility[],
): Responsibility[] {
  return assignments
    .filter((r) => {
      if (yearOf(r.validFrom) !== ctx.year || r.validFrom > ctx.asOf) return false;
      const dayBefore = addDays(r.validFrom, -1);
      return !assignments.some((p) => p.personName === r.personName && isResponsibilityCurrent(p, dayBefore));
    })
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
}

/**
 * The regions of a level (that `judged` keeps) that put a new responsible person in charge more than
 * `changesMax` times in the assessed year (`appointmentsInYear`): 临时指定人员对接, not a fixed person.
 */
export function regionsWithStandIns(
  ctx: AssessmentContext,
  level: Region["level"],
  persons: ReadonlyMap<string, readonly Responsibility[]>,
  changesMax: number,
  judged: (region: Region) => boolean = () => true,
): RegionWithStandIns[] {
  const out: RegionWithStandIns[] = [];
  for (const region of ctx.ledger.regions) {
    if (region.level !== level || !judged(region)) continue;
    const appointed = appointmentsInYear(ctx, persons.get(region.code) ?? NONE);
    if (appointed.length > changesMax) out.push({ region, appointed });
  }
  return out;
}
