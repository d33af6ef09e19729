import type { FindingCode } from "../assessment/finding-codes.js";

/**
 * Per finding code, the share of eligible subjects the generator plants the problem in (0 disables it).
 * For most codes the share is taken each year of the window among that year's eligible subjects, with
 * at least one subject when the rate is above 0; LINKAGE.FORCED is a share of all linkages (planted
 * for the linkage's whole life), FUNDS.LOW_INDUSTRY_SHARE a share of the window's years (latest years
 * first), and the two RECTIFICATION codes shares of the rectifications.
 */
export type PlantRates = Readonly<Record<FindingCode, number>>;

/** The default rates: every problem is planted in every year of the window where its rule allows it. */
export const DEFAULT_PLANT_RATES: PlantRates = {
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON": 0.1,
  "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER": 0.004,
  "RESPONSIBILITY.TOWNSHIP_STAND_IN": 0.1,
  "SUBSIDY.PEPPER_SPRAY": 0.1,
  "ENTITY.SHIELD": 0.08,
  "INDUSTRY.HOMOGENISATION": 0.1,
  "INDUSTRY.SCALE_UP_WITHOUT_TRIAL": 0.03,
  "SUPPORT.SUBSIDISE_AND_FORGET": 0.004,
  "LINKAGE.FAKE": 0.01,
  "LINKAGE.SHALLOW": 0.02,
  "LINKAGE.FORCED": 0.01,
  "LINKAGE.YEAR_TWO_EXIT": 0.03,
  "LINKAGE.BUNDLED": 0.002,
  "ENTITY.EMPTY_SHELL": 0.08,
  "OUTCOME.LOW_SURVIVAL": 0.01,
  "OUTCOME.DEBT_GROWTH": 0.01,
  "FUNDS.LOW_INDUSTRY_SHARE": 0.34,
  "FUNDS.PAN_WELFARE": 0.34,
  "FUNDS.OVERSPENT": 0.2,
  "PROJECT.NOTICE_SHORT": 0.1,
  "PROJECT.DISBURSED_BEFORE_APPROVAL": 0.05,
  "RECTIFICATION.OVERDUE": 0.1,
  "RECTIFICATION.NO_PLAN": 0.2,
  "PROJECT.STALLED": 0.05,
  "PROJECT.NOT_ACCEPTED": 0.05,
  "RECTIFICATION.MILESTONE_SLIPPED": 0.1,
  "OUTCOME.FAILING_WITHOUT_SERVICE": 0.3,
  "INDUSTRY.HOUSEHOLD_NOT_COVERED": 0.002,
  "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON": 0.02,
  "RECTIFICATION.FINDING_WITHOUT_ITEM": 0.05,
  "INDUSTRY.VILLAGE_NOT_COVERED": 0.05,
  "RESPONSIBILITY.VILLAGE_STAND_IN": 0.02,
};

/**
 * Which planted codes necessarily bring others with them, each reported in `planted` too:
 * ENTITY.SHIELD → LINKAGE.FAKE for each of the entity's linkages covering that year (its nominal
 * households received nothing); OUTCOME.DEBT_GROWTH → OUTCOME.LOW_SURVIVAL (debt counts only while
 * the industry failed); OUTCOME.FAILING_WITHOUT_SERVICE → OUTCOME.LOW_SURVIVAL (it is a failing
 * industry nobody served); SUPPORT.SUBSIDISE_AND_FORGET and INDUSTRY.VILLAGE_NOT_COVERED →
 * INDUSTRY.HOUSEHOLD_NOT_COVERED (the household, or most of the poor village's households, left with
 * no industry). No other planted problem implies another.
 */
export const PLANT_IMPLICATIONS: Readonly<Partial<Record<FindingCode, readonly FindingCode[]>>> = {
  "ENTITY.SHIELD": ["LINKAGE.FAKE"],
  "OUTCOME.DEBT_GROWTH": ["OUTCOME.LOW_SURVIVAL"],
  "OUTCOME.FAILING_WITHOUT_SERVICE": ["OUTCOME.LOW_SURVIVAL"],
  "SUPPORT.SUBSIDISE_AND_FORGET": ["INDUSTRY.HOUSEHOLD_NOT_COVERED"],
  "INDUSTRY.VILLAGE_NOT_COVERED": ["INDUSTRY.HOUSEHOLD_NOT_COVERED"],
};
