import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { addFieldIssue, parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Broad categories of industry (产业). */
export const INDUSTRY_CATEGORIES = [
  "fruit",
  "vegetable",
  "livestock",
  "poultry",
  "beekeeping",
  "tea",
  "aquaculture",
  "forestry",
  "other",
] as const;
/** An industry category code. */
export type IndustryCategory = (typeof INDUSTRY_CATEGORIES)[number];

/** Input of an industry in the county's catalogue: e.g. navel orange 脐橙, with the unit its outcomes are counted in (群, 亩, 只). */
export const industryInputSchema = z.object({
  id: idSchema,
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "must be a lower-case code such as navel_orange" }),
  name: z.string().trim().min(1).max(50),
  category: z.enum(INDUSTRY_CATEGORIES),
  outcomeUnit: z.string().trim().min(1).max(10),
});

/**
 * Units that count living things one by one (bee colonies 群, birds 只, livestock 头, poultry 羽, fish
 * 尾, trees 株, hives 箱): only for these does "units survived / units started" mean a survival rate
 * (成活率). Areas (亩) and facilities (棚) are sizes, not stock that dies.
 */
export const COUNTABLE_OUTCOME_UNITS: readonly string[] = [
  "群",
  "只",
  "头",
  "羽",
  "尾",
  "株",
  "箱",
  "匹",
  "口",
];

/** Whether an industry's outcome unit counts living things, so that its survival rate means something. */
export function hasCountableOutcome(industry: Pick<Industry, "outcomeUnit">): boolean {
  return COUNTABLE_OUTCOME_UNITS.includes(industry.outcomeUnit);
}

/** An industry (产业) a village or household can take up. */
export type Industry = Readonly<z.output<typeof industryInputSchema>>;

/** Validates industry input. */
export function createIndustry(input: unknown): Result<Industry, DomainError> {
  return parseInput(industryInputSchema, input, "INDUSTRY");
}

/** 试验试种 status of a village's industry: not trialled, in trial, or trialled before scaling up. */
export const TRIAL_STATUSES = ["none", "trialling", "trialled"] as const;
/** A trial status code. */
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

/** Input of a village's chosen industry in one year: its scale, whether it was trial-planted and whether it was scaled up. */
export const villageIndustryInputSchema = z
  .object({
    id: idSchema,
    villageCode: regionCodeSchema.refine((c) => c.length === 12, {
      error: "must be a village code (12 digits)",
    }),
    industryId: idSchema,
    year: yearSchema,
    trialStatus: z.enum(TRIAL_STATUSES),
    trialYear: yearSchema.nullable().default(null),
    scaledUp: z.boolean(),
    scale: z.number().int().nonnegative(),
  })
  .superRefine((v, ctx) => {
    if (v.trialStatus === "none" && v.trialYear !== null) {
      addFieldIssue(ctx, "trialYear", "an industry never trialled has no trial year");
    }
    if (v.trialStatus !== "none" && v.trialYear === null) {
      addFieldIssue(ctx, "trialYear", "a trial needs its year");
    }
    if (v.trialYear !== null && v.trialYear > v.year) {
      addFieldIssue(ctx, "trialYear", "must not be after the year of the record");
    }
  });

/** A village's industry in one year (村级主导产业), with its trial-planting status. */
export type VillageIndustry = Readonly<z.output<typeof villageIndustryInputSchema>>;

/** Validates village industry input. */
export function createVillageIndustry(input: unknown): Result<VillageIndustry, DomainError> {
  return parseInput(villageIndustryInputSchema, input, "VILLAGE_INDUSTRY");
}

/** Input of a household's outcome in an industry for one year: units started and surviving (e.g. bee colonies), and its debt at year end. */
export const householdIndustryInputSchema = z
  .object({
    id: idSchema,
    householdId: idSchema,
    industryId: idSchema,
    year: yearSchema,
    unitsStarted: z.number().int().nonnegative(),
    unitsSurvived: z.number().int().nonnegative(),
    debtFen: fenSchema,
  })
  .refine((h) => h.unitsSurvived <= h.unitsStarted, {
    path: ["unitsSurvived"],
    error: "must not exceed the units started",
  });

/** A household's industry and its outcome in one year (e.g. 养蜂: colonies kept and survived, debt). */
export type HouseholdIndustry = Readonly<z.output<typeof householdIndustryInputSchema>>;

/** Validates household industry input. */
export function createHouseholdIndustry(input: unknown): Result<HouseholdIndustry, DomainError> {
  return parseInput(householdIndustryInputSchema, input, "HOUSEHOLD_INDUSTRY");
}
