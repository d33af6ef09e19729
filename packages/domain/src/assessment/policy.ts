import type { Fen } from "../shared/money.js";

/** Thresholds of the assessment, in one object with documented defaults; a county overrides any of them. */
export interface AssessmentPolicy {
  /** A linkage paying a household less than this in a year (but more than nothing) is shallow (浅链接). Default 200 yuan. */
  readonly shallowLinkageFen: Fen;
  /** A subsidy below this, to a household with no linkage, service or industry follow-up, is pepper-spray (撒胡椒面). Default 1,000 yuan. */
  readonly smallSubsidyFen: Fen;
  /** Survival rate (units survived / started) below which an outcome is alarming, e.g. bee colonies. Default 0.5. */
  readonly survivalAlertRate: number;
  /** Target share of funds used for industry (policy since 2023: 60%). Default 0.6. */
  readonly industryFundShareTarget: number;
  /** Share of a township's villages on one industry at or above which the township is homogenised (同质化). Default 0.8. */
  readonly homogenisationShare: number;
  /** A township needs at least this many villages with an industry before homogenisation is judged. Default 3. */
  readonly homogenisationMinVillages: number;
  /** Retention of an entity's participating households from one year to the next below which they "all left in year two". Default 0.5. */
  readonly retentionAlertRate: number;
  /** An entity needs at least this many participating households in the first year for retention to be judged. Default 2. */
  readonly retentionMinHouseholds: number;
  /** Days after it was found that a rectification may stay without a plan. Default 30. */
  readonly rectificationPlanGraceDays: number;
  /** Per-capita net income line (per year) for the "stayed above the line" metric. Default 6,000 yuan. */
  readonly incomeLineFen: Fen;
  /** Consecutive years above the income line that count as stable. Default 2. */
  readonly incomeStableYears: number;
}

/** The default assessment policy. */
export const DEFAULT_POLICY: AssessmentPolicy = {
  shallowLinkageFen: 20_000,
  smallSubsidyFen: 100_000,
  survivalAlertRate: 0.5,
  industryFundShareTarget: 0.6,
  homogenisationShare: 0.8,
  homogenisationMinVillages: 3,
  retentionAlertRate: 0.5,
  retentionMinHouseholds: 2,
  rectificationPlanGraceDays: 30,
  incomeLineFen: 600_000,
  incomeStableYears: 2,
};

/** The default policy with a county's overrides applied. */
export function resolvePolicy(overrides: Partial<AssessmentPolicy> = {}): AssessmentPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
