import type { LinkageMode } from "../linkage/linkage.js";
import type { Fen } from "../shared/money.js";
import type { Severity } from "./types.js";

/** A setting of a dated rule: in force from 1 January of `fromYear` until the next setting's year. */
export interface DatedSetting<T> {
  readonly fromYear: number;
  readonly value: T;
}

/** The setting of a dated rule in force in `year`, or null when the rule did not apply yet. */
export function settingFor<T>(settings: readonly DatedSetting<T>[], year: number): T | null {
  let found: T | null = null;
  let from = -Infinity;
  for (const s of settings) {
    if (s.fromYear <= year && s.fromYear > from) {
      found = s.value;
      from = s.fromYear;
    }
  }
  return found;
}

/** Thresholds of the assessment, in one object with documented defaults; a county overrides any of them. */
export interface AssessmentPolicy {
  /**
   * Per linkage mode, the least a household normally gets in a year when the basis (sum invested,
   * months worked, land area) is not recorded; paid more than nothing but less than this, the linkage
   * is shallow (浅链接). Defaults in yuan: order purchase 1,000; land lease 200; employment 1,500;
   * equity dividend 300; entrusted raising 500; asset income 200.
   */
  readonly modeYieldFen: Readonly<Record<LinkageMode, Fen>>;
  /** 保底分红: least yearly dividend as a share of the sum invested, for a recorded basis. Default 0.05. */
  readonly dividendRateMin: number;
  /** Least wage per month worked, for a recorded basis. Default 1,000 yuan. */
  readonly monthlyWageMinFen: Fen;
  /** Least rent per mu (亩) of land leased, for a recorded basis. Default 200 yuan. */
  readonly rentPerMuMinFen: Fen;
  /** A subsidy below this, to a household with no linkage and no technical service, is of the scattered kind (撒胡椒面). Default 1,000 yuan. */
  readonly smallSubsidyFen: Fen;
  /** Share of a township's subsidy money of the scattered kind at or above which the township is found. Default 0.3. */
  readonly pepperSprayShare: number;
  /** Survival rate (units survived / started) below which an outcome is alarming, e.g. bee colonies. Default 0.5. */
  readonly survivalAlertRate: number;
  /**
   * The industry share of 衔接资金, by the year it took effect: none before 2021 (the speech of 2018
   * gives no number), 55% from 2021, 60% from 2023 (as in many provinces).
   */
  readonly industryFundShareTargets: readonly DatedSetting<number>[];
  /** Share of the year's fund spending on non-agricultural uses (equity in firms, photovoltaics, welfare) above which it is 泛福利化. Default 0.2. */
  readonly panWelfareShareMax: number;
  /** Share of a township's villages on one industry at or above which the township is homogenised (同质化). Default 0.8. */
  readonly homogenisationShare: number;
  /** A township needs at least this many villages with an industry before homogenisation is judged. Default 3. */
  readonly homogenisationMinVillages: number;
  /**
   * Share of the households keeping an industry in some villages (this year or last) whose results are
   * poor — survival below `survivalAlertRate`, the stock or area shrunk to `industryShrinkRate` of last
   * year's or less, or the industry given up — at or above which the industry is failing there
   * (效果不佳). Judges 同质化 and 不经试验试种. Default 0.5.
   */
  readonly failingIndustryShare: number;
  /** Households keeping an industry in the villages judged, at least, before it can be called failing there. Default 3. */
  readonly failingIndustryMinHouseholds: number;
  /** A household's industry that started the year with this share of last year's units (亩, colonies …) or less has shrunk. Default 0.5. */
  readonly industryShrinkRate: number;
  /** Retention of an entity's participating households from one year to the next below which they "all left in year two". Default 0.5. */
  readonly retentionAlertRate: number;
  /** An entity needs at least this many participating households in the first year for retention to be judged. Default 2. */
  readonly retentionMinHouseholds: number;
  /** New fixed persons a township may appoint in a year (a transfer, a replacement) before they count as stand-ins (临时指定). Default 2. */
  readonly townshipPersonChangesMax: number;
  /** New responsible persons a village may have in a year (a transfer, a replacement) before they count as stand-ins (临时指定). Default 2. */
  readonly villagePersonChangesMax: number;
  /** Days a household's credit placed with an entity may go before something must come back to it each year (一捆了之). Default 365. */
  readonly bundledGraceDays: number;
  /** Least days of a project's public notice (公示; 7 to 10 in practice). Default 10. */
  readonly publicNoticeMinDays: number;
  /** Days a project may stay in one stage before implementation before it is stalled. Default 180. */
  readonly projectStallDays: number;
  /** Days after implementation began by which a project should be accepted (验收). Default 365. */
  readonly acceptanceDueDays: number;
  /** Days after it was found that a rectification may stay without a plan. Default 30. */
  readonly rectificationPlanGraceDays: number;
  /** Days after an error-level finding's year ends by which it should have a rectification item. Default 60. */
  readonly rectificationItemGraceDays: number;
  /** The least severity of an error-level finding, one that must have a rectification item (一条一条、一件一件抓落实). Default high. */
  readonly rectificationRequiredSeverity: Severity;
  /**
   * Share of a poor village's registered households covered by industry support (own industry,
   * linkage or project) at or above which the village is covered without a project sited in it
   * (覆盖底数; report 3 counts poor villages covered by the same rule). Default 0.5.
   */
  readonly poorVillageCoveredShareMin: number;
  /** Per-capita net income line (per year) for the "stayed above the line" metric. Default 6,000 yuan. */
  readonly incomeLineFen: Fen;
  /** Consecutive years above the income line that count as stable. Default 2. */
  readonly incomeStableYears: number;
}

/** The default assessment policy. */
export const DEFAULT_POLICY: AssessmentPolicy = {
  modeYieldFen: {
    order_purchase: 100_000,
    land_lease: 20_000,
    employment: 150_000,
    equity_dividend: 30_000,
    entrusted_raising: 50_000,
    asset_income: 20_000,
  },
  dividendRateMin: 0.05,
  monthlyWageMinFen: 100_000,
  rentPerMuMinFen: 20_000,
  smallSubsidyFen: 100_000,
  pepperSprayShare: 0.3,
  survivalAlertRate: 0.5,
  industryFundShareTargets: [
    { fromYear: 2021, value: 0.55 },
    { fromYear: 2023, value: 0.6 },
  ],
  panWelfareShareMax: 0.2,
  homogenisationShare: 0.8,
  homogenisationMinVillages: 3,
  failingIndustryShare: 0.5,
  failingIndustryMinHouseholds: 3,
  industryShrinkRate: 0.5,
  retentionAlertRate: 0.5,
  retentionMinHouseholds: 2,
  townshipPersonChangesMax: 2,
  villagePersonChangesMax: 2,
  bundledGraceDays: 365,
  publicNoticeMinDays: 10,
  projectStallDays: 180,
  acceptanceDueDays: 365,
  rectificationPlanGraceDays: 30,
  rectificationItemGraceDays: 60,
  rectificationRequiredSeverity: "high",
  poorVillageCoveredShareMin: 0.5,
  incomeLineFen: 600_000,
  incomeStableYears: 2,
};

/** The industry share of funds required in `year`, or null before the rule took effect. */
export function industryFundShareTarget(policy: AssessmentPolicy, year: number): number | null {
  return settingFor(policy.industryFundShareTargets, year);
}

/** The default policy with a county's overrides applied. */
export function resolvePolicy(overrides: Partial<AssessmentPolicy> = {}): AssessmentPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
