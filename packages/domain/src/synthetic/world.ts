import type { FindingCode } from "../assessment/finding-codes.js";
import { DEFAULT_POLICY } from "../assessment/policy.js";
import type { BusinessEntity, EntityActivity, EntityKind } from "../entities/business-entity.js";
import type { Fund, FundUse } from "../funds/fund.js";
import type { Household } from "../households/household.js";
import type { Income } from "../households/income.js";
import type { Member } from "../households/member.js";
import type { HouseholdIndustry, Industry, VillageIndustry } from "../industries/industry.js";
import type { LinkageMode, LinkageYear } from "../linkage/linkage.js";
import type { Monitoring } from "../monitoring/monitoring.js";
import type { Project } from "../projects/project.js";
import type { Rectification } from "../rectification/rectification.js";
import type { Region } from "../regions/region.js";
import type { Responsibility } from "../responsibility/responsibility.js";
import { isIsoDate } from "../shared/dates.js";
import type { Subsidy } from "../support/subsidy.js";
import type { TechnicalService } from "../support/technical-service.js";
import { dayOf, dayOfIso } from "./days.js";
import { DEFAULT_PLANT_RATES, type PlantRates } from "./plant-rates.js";
import type { Rng } from "./rng.js";

/** Options of the synthetic county generator. */
export interface SyntheticOptions {
  /** Seed of the generator's own PRNG. Default 1. */
  readonly seed?: number;
  /** The "current" year: records cover registration's first year (2014, or referenceYear-5 if earlier) … referenceYear. */
  readonly referenceYear: number;
  /** ISO date of the synthetic "today" in the reference year, on or after 1 March; no record is dated after it. Default `${referenceYear}-11-30`. */
  readonly asOf?: string;
  /** Registered households. Default 4000 (about 14,000 members). */
  readonly households?: number;
  /** Per finding code, the share of eligible subjects planted; 0 disables the code. */
  readonly rates?: Partial<PlantRates>;
}

/** One planted problem: the finding code, the year it fires in, its subject (as the finding names it) and the records behind it. */
export interface PlantedProblem {
  readonly code: FindingCode;
  readonly year: number;
  readonly subjectId: string;
  readonly recordIds: readonly string[];
}

/** Makes the readonly fields of a record writable while the generator builds it. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The resolved options. */
export interface Config {
  readonly seed: number;
  readonly ref: number;
  /** First year of the window: registration's first year (2014), or ref - 5 if earlier (`windowStart`). */
  readonly y0: number;
  readonly years: readonly number[];
  readonly asOf: string;
  readonly asOfDay: number;
  readonly households: number;
  readonly rates: PlantRates;
  /** households / 4000. */
  readonly scale: number;
}

/** Resolves and checks the options; throws RangeError on options the generator cannot honour. */
export function resolveConfig(options: SyntheticOptions): Config {
  const ref = options.referenceYear;
  if (!Number.isInteger(ref) || ref < 2010 || ref > 2099) {
    throw new RangeError(`referenceYear must be a whole year from 2010 to 2099, got ${String(ref)}`);
  }
  const asOf = options.asOf ?? `${ref}-11-30`;
  if (!isIsoDate(asOf) || asOf < `${ref}-03-01` || asOf > `${ref}-12-31`) {
    throw new RangeError(`asOf must be a date from ${ref}-03-01 to ${ref}-12-31, got ${asOf}`);
  }
  const households = options.households ?? 4000;
  if (!Number.isInteger(households) || households < 0 || households > 1_000_000) {
    throw new RangeError(`households must be a whole number from 0 to 1,000,000, got ${String(households)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError("seed must be a finite number");
  const rates = { ...DEFAULT_PLANT_RATES, ...options.rates };
  for (const [code, rate] of Object.entries(rates)) {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`rate of ${code} must be from 0 to 1, got ${rate}`);
  }
  const y0 = windowStart(ref);
  return {
    seed,
    ref,
    y0,
    years: Array.from({ length: ref - y0 + 1 }, (_, k) => y0 + k),
    asOf,
    asOfDay: dayOfIso(asOf),
    households,
    rates,
    scale: households / 4000,
  };
}

/** The first year of registration (建档立卡): households enter the ledger from this year. */
export const REGISTRATION_START = 2014;
/** The first year of the three-year campaign (产业扶贫三年攻坚行动, 2018–2020): the speech's year. */
export const CAMPAIGN_START = 2018;
/** The first year of consolidation (巩固拓展脱贫攻坚成果同乡村振兴有效衔接, 2021–2025): 脱贫户, 监测户, 衔接资金. */
export const CONSOLIDATION_START = 2021;
/** The first year of regular support (常态化帮扶), after consolidation. */
export const REGULAR_START = 2026;

/** An era of the work (DOMAIN.md, "Eras"): registration, the campaign, consolidation, regular support. */
export type Era = "registration" | "campaign" | "consolidation" | "regular";

/** The era a year belongs to. */
export function eraOf(year: number): Era {
  if (year < CAMPAIGN_START) return "registration";
  if (year < CONSOLIDATION_START) return "campaign";
  return year < REGULAR_START ? "consolidation" : "regular";
}

/**
 * The first year the synthetic county records for a reference year: registration's first year (2014),
 * so registration, the campaign and consolidation are all in the window, or referenceYear-5 when that
 * is earlier (at least six years). Each household enters the ledger in its registration year.
 */
export function windowStart(referenceYear: number): number {
  return Math.min(referenceYear - 5, REGISTRATION_START);
}

/**
 * How much commoner a planted problem is in an era than its rate says (the rate is multiplied, then
 * capped at 1; 0 stays 0). The speech's problems of form — pepper-spray subsidies, shell cooperatives,
 * shields and fake linkages, scale-ups without trial, 一补了之 — were the campaign's, when every
 * household had to be reached by 2020; consolidation keeps fewer of them.
 */
export const ERA_RATE_FACTORS: Readonly<Record<Era, Partial<Record<FindingCode, number>>>> = {
  registration: {},
  campaign: {
    "SUBSIDY.PEPPER_SPRAY": 2,
    "ENTITY.EMPTY_SHELL": 2,
    "ENTITY.SHIELD": 2,
    "LINKAGE.FAKE": 2,
    "INDUSTRY.SCALE_UP_WITHOUT_TRIAL": 2,
    "SUPPORT.SUBSIDISE_AND_FORGET": 2,
  },
  consolidation: {},
  regular: {
    "SUBSIDY.PEPPER_SPRAY": 0.5,
    "ENTITY.EMPTY_SHELL": 0.5,
  },
};

/** The plant rate of a code in a year: the configured rate times its era's factor, at most 1. */
export function rateIn(cfg: Config, code: FindingCode, year: number): number {
  return Math.min(1, cfg.rates[code] * (ERA_RATE_FACTORS[eraOf(year)][code] ?? 1));
}

/** A township-level unit while the county is built. */
export interface TownshipState {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly villages: number[];
  /** The industries (catalogue indices) the township's villages take up, in rotation. */
  readonly rotation: number[];
  readonly households: number[];
  /** Township cadres: fixed persons and household helpers. */
  readonly cadres: string[];
  /** Cooperatives, family farms and large growers registered in the township. */
  readonly localEntities: number[];
}

/** A village's industry: catalogue index, first year, and whether it was never trial-planted. */
export interface VillageIndustryPlan {
  readonly industry: number;
  readonly start: number;
  readonly untried: boolean;
  readonly scale: number;
}

/** A village while the county is built. */
export interface VillageState {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly township: number;
  readonly residents: boolean;
  readonly poor: boolean;
  readonly plans: VillageIndustryPlan[];
  readonly households: number[];
}

/** A household's run of one industry, from its first year to its last, with one record a year. */
export interface Track {
  readonly industry: number;
  start: number;
  end: number;
  base: number;
  debt0: number;
  /** Records by year - y0, filled once the tracks are final. */
  readonly records: (Mutable<HouseholdIndustry> | undefined)[];
}

/** A household while the county is built. */
export interface HouseholdState {
  readonly index: number;
  readonly record: Household;
  readonly village: number;
  readonly township: number;
  readonly tracks: Track[];
  readonly linkages: number[];
  size: number;
}

/** A business entity while the county is built. */
export interface EntityState {
  readonly index: number;
  readonly record: BusinessEntity;
  readonly kind: EntityKind;
  readonly township: number;
  readonly industry: number;
  readonly established: number;
  readonly modes: readonly LinkageMode[];
  readonly linkages: number[];
}

/** A linkage while the county is built: its years are filled once its end is final. */
export interface LinkageState {
  readonly index: number;
  readonly id: string;
  readonly entity: number;
  readonly household: number;
  readonly mode: LinkageMode;
  readonly start: number;
  end: number | null;
  readonly forced: boolean;
  /** Linkage-years by year - y0; null where none is recorded. */
  readonly years: (Mutable<LinkageYear> | null)[];
}

/** Everything generated so far, and the problems planted. */
export interface World {
  readonly cfg: Config;
  readonly rng: (stream: string) => Rng;
  readonly regions: Region[];
  readonly townships: TownshipState[];
  readonly villages: VillageState[];
  readonly households: HouseholdState[];
  readonly members: Member[];
  readonly incomes: Income[];
  readonly industries: Industry[];
  readonly villageIndustries: Mutable<VillageIndustry>[];
  readonly entities: EntityState[];
  readonly entityActivities: EntityActivity[];
  readonly linkages: LinkageState[];
  readonly subsidies: Subsidy[];
  readonly services: TechnicalService[];
  readonly funds: Fund[];
  readonly fundUses: FundUse[];
  readonly projects: Project[];
  readonly responsibilities: Responsibility[];
  readonly rectifications: Rectification[];
  readonly monitorings: Monitoring[];
  /** Households left uncovered (no industry, no linkage, no project) on purpose, from the year given. */
  readonly uncoveredFrom: Map<number, number>;
  /** Poor villages left uncovered on purpose (no project sited in them ever, most households uncovered), from the year given. */
  readonly uncoveredVillages: Map<number, number>;
  /** Households that no technical service may list in a year (keyed by year). */
  readonly unserved: Map<number, Set<number>>;
  readonly planted: PlantedProblem[];
}

/** How many of `eligible` subjects to plant at `rate`: at least one when the rate is above 0. */
export function plantCount(rate: number, eligible: number): number {
  if (rate <= 0 || eligible === 0) return 0;
  return Math.min(eligible, Math.max(1, Math.round(rate * eligible)));
}

/** The last day of a year that records may carry: 31 December, or the as-of date in the reference year. */
export function yearEnd(cfg: Config, year: number): number {
  return year < cfg.ref ? dayOf(year, 12, 31) : cfg.asOfDay;
}

/** A day of `year` between the months given (inclusive), never after the as-of date. */
export function dayIn(rng: Rng, cfg: Config, year: number, fromMonth = 1, toMonth = 12): number {
  const end = Math.min(
    toMonth === 12 ? dayOf(year, 12, 31) : dayOf(year, toMonth + 1, 1) - 1,
    yearEnd(cfg, year),
  );
  const start = Math.min(dayOf(year, fromMonth, 1), end);
  return rng.int(start, end);
}

/** Records a planted problem. */
export function plant(
  w: World,
  code: FindingCode,
  year: number,
  subjectId: string,
  recordIds: readonly string[],
): void {
  w.planted.push({ code, year, subjectId, recordIds });
}

/** Marks a household as one no technical service may list in `year`. */
export function keepUnserved(w: World, year: number, household: number): void {
  let set = w.unserved.get(year);
  if (!set) {
    set = new Set();
    w.unserved.set(year, set);
  }
  set.add(household);
}

/** Pads a number with zeros. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Whether leaving one more household uncovered would take its poor village below
 * `poorVillageCoveredShareMin` in some year of the window, among the households registered by that
 * year (counting every household of the village left uncovered in any year): in a small county a
 * household's plant must not uncover its poor village as well. Asked again for each household drawn,
 * as two drawn in the same year may share a village.
 */
export function wouldUncoverPoorVillage(w: World, h: HouseholdState): boolean {
  const v = w.villages[h.village]!;
  if (!v.poor) return false;
  const members = v.households.map((i) => w.households[i]!);
  return w.cfg.years.some((year) => {
    const registered = members.filter((x) => x.record.registeredYear <= year);
    const out = registered.filter((x) => x === h || w.uncoveredFrom.has(x.index)).length;
    return registered.length - out < DEFAULT_POLICY.poorVillageCoveredShareMin * registered.length;
  });
}
