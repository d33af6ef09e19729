/**
 * Codes of the assessment metrics (考核指标). Each is numerator / denominator of counts that add up
 * across regions; `OUTCOME_SURVIVAL` is reported once per industry as `OUTCOME_SURVIVAL.<industry code>`.
 * The exact numerator and denominator of each are in `METRIC_DEFINITIONS` and the assessment README.
 */
export const METRIC_CODES = [
  "INDUSTRY_SUPPORT_COVERAGE",
  "LINKAGE_COVERAGE",
  "LINKAGE_RETENTION",
  "SHALLOW_LINKAGE_SHARE",
  "AVERAGE_LINKAGE_BENEFIT",
  "FUND_INDUSTRY_SHARE",
  "OUTCOME_SURVIVAL",
  "TOWNSHIPS_WITH_RESPONSIBLE_PERSON",
  "HOUSEHOLDS_WITH_HELPER",
  "RECTIFICATIONS_CLOSED_ON_TIME",
  "INCOME_STABLE_HOUSEHOLDS",
  "FIVE_ONES_HOUSEHOLDS",
  "FIVE_ONES_VILLAGES",
] as const;

/** A metric code (without the industry suffix of `OUTCOME_SURVIVAL`). */
export type MetricCode = (typeof METRIC_CODES)[number];

/** What a metric means: its names, its numerator and denominator, and the unit of its value. */
export interface MetricDefinition {
  readonly zh: string;
  readonly en: string;
  readonly numerator: string;
  readonly denominator: string;
  /** `rate`: a share between 0 and 1; `fen`: an amount in fen per unit of the denominator. */
  readonly unit: "rate" | "fen";
}

/** "Registered households" below: households of the region registered (建档立卡) in or before the year. */
export const METRIC_DEFINITIONS: Readonly<Record<MetricCode, MetricDefinition>> = {
  INDUSTRY_SUPPORT_COVERAGE: {
    zh: "产业扶贫覆盖率",
    en: "Industry support coverage of registered households",
    numerator:
      "registered households that in the year have a household-industry record, a subsidy, a linkage they took part in, a technical service listing them, or are beneficiaries of a project of the year",
    denominator: "registered households",
    unit: "rate",
  },
  LINKAGE_COVERAGE: {
    zh: "利益联结覆盖率",
    en: "Linkage coverage",
    numerator: "registered households that took part in at least one linkage in the year",
    denominator: "registered households",
    unit: "rate",
  },
  LINKAGE_RETENTION: {
    zh: "利益联结持续率",
    en: "Linkage retention from the year before",
    numerator: "households of the region that took part in a linkage both the year before and in the year",
    denominator: "households of the region that took part in a linkage the year before",
    unit: "rate",
  },
  SHALLOW_LINKAGE_SHARE: {
    zh: "浅链接占比",
    en: "Share of shallow linkages",
    numerator: "linkage-years of the year paying more than 0 but less than the shallow-linkage amount",
    denominator: "linkage-years of the year paying more than 0 (households of the region)",
    unit: "rate",
  },
  AVERAGE_LINKAGE_BENEFIT: {
    zh: "联结户户均收益",
    en: "Average linkage benefit per linked household (fen)",
    numerator: "fen received through linkages in the year by households of the region",
    denominator: "households of the region that took part in at least one linkage in the year",
    unit: "fen",
  },
  FUND_INDUSTRY_SHARE: {
    zh: "资金用于产业比例",
    en: "Share of funds used for industry",
    numerator: "fen of the year's fund uses in category industry",
    denominator:
      "fen of all the year's fund uses; a use belongs to its project's region, or else its fund's region (county-level uses count only from the county up)",
    unit: "rate",
  },
  OUTCOME_SURVIVAL: {
    zh: "产业成活率",
    en: "Outcome survival rate by industry (e.g. bee colonies)",
    numerator: "units survived in the household-industry records of the year of that industry",
    denominator: "units started in the same records",
    unit: "rate",
  },
  TOWNSHIPS_WITH_RESPONSIBLE_PERSON: {
    zh: "明确固定责任人的乡镇比例",
    en: "Townships with a current fixed responsible person",
    numerator: "township regions with a township_fixed_person responsibility in force on the assessment date",
    denominator: "township regions",
    unit: "rate",
  },
  HOUSEHOLDS_WITH_HELPER: {
    zh: "落实帮扶责任人的贫困户比例",
    en: "Households with a helper",
    numerator: "registered households with a household_helper responsibility in force on the assessment date",
    denominator: "registered households",
    unit: "rate",
  },
  RECTIFICATIONS_CLOSED_ON_TIME: {
    zh: "整改按期完成率",
    en: "Rectifications closed on time",
    numerator: "rectifications of the denominator closed on or before their deadline",
    denominator:
      "rectifications with a deadline in the year that are past their deadline or closed, on the assessment date",
    unit: "rate",
  },
  INCOME_STABLE_HOUSEHOLDS: {
    zh: "收入稳定超过标准线的贫困户比例",
    en: "Households whose per-capita net income stayed at or above the line for consecutive years",
    numerator:
      "registered households with an income record at or above the policy line (per capita, net) in each of the last `incomeStableYears` years up to the year",
    denominator: "registered households",
    unit: "rate",
  },
  FIVE_ONES_HOUSEHOLDS: {
    zh: "“五个一”全覆盖的贫困户比例",
    en: "Households with all five ones",
    numerator:
      "registered households that in the year have an industry record, a linkage to an entity in force, took part in a linkage, got a subsidy or a project benefit, and are listed by a technical service",
    denominator: "registered households",
    unit: "rate",
  },
  FIVE_ONES_VILLAGES: {
    zh: "“五个一”全覆盖的村比例",
    en: "Villages with all five ones",
    numerator:
      "villages that in the year have a village industry, a household linked to an entity, a household that took part in a linkage, a subsidy to a household or a project in or for the village, and a technical service in the village or listing its households",
    denominator: "village regions",
    unit: "rate",
  },
};
