import type { Ledger } from "../ledger/ledger.js";
import { createAssessmentContext } from "./context.js";
import { METRIC_CODES, type MetricCode } from "./metric-codes.js";
import { fiveOnesVillages } from "./metrics/five-ones-villages.js";
import { fundIndustryShare } from "./metrics/fund-industry-share.js";
import { fiveOnesHouseholds, industrySupportCoverage, linkageCoverage } from "./metrics/household-support.js";
import { incomeStableHouseholds } from "./metrics/income-stability.js";
import { averageLinkageBenefit, linkageRetention, shallowLinkageShare } from "./metrics/linkage-benefit.js";
import { createMetricScope, type MetricCalculator } from "./metrics/metric.js";
import { outcomeSurvival } from "./metrics/outcome-survival.js";
import { rectificationsClosedOnTime } from "./metrics/rectification.js";
import { householdsWithHelper, townshipsWithResponsiblePerson } from "./metrics/responsibility.js";
import type { AssessmentPolicy } from "./policy.js";
import type { Metric } from "./types.js";

/** Options of `computeMetrics`. */
export interface ComputeMetricsOptions {
  /** The region measured: the county, a township or a village (or a city or province, which here is the whole county). */
  readonly regionCode: string;
  readonly year: number;
  /** The instant of the assessment; the assessment date is its China date, or 31 December of `year` if earlier. */
  readonly now: Date;
  readonly policy?: Partial<AssessmentPolicy>;
}

function metric(
  code: string,
  regionCode: string,
  year: number,
  numerator: number,
  denominator: number,
  target?: number,
): Metric {
  return {
    code,
    regionCode,
    year,
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    ...(target === undefined ? {} : { target }),
  };
}

/** Every metric's calculator, keyed by its code; `computeMetrics` runs them in `METRIC_CODES` order. */
export const METRIC_CALCULATORS: Readonly<Record<MetricCode, MetricCalculator>> = {
  INDUSTRY_SUPPORT_COVERAGE: industrySupportCoverage,
  LINKAGE_COVERAGE: linkageCoverage,
  LINKAGE_RETENTION: linkageRetention,
  SHALLOW_LINKAGE_SHARE: shallowLinkageShare,
  AVERAGE_LINKAGE_BENEFIT: averageLinkageBenefit,
  FUND_INDUSTRY_SHARE: fundIndustryShare,
  OUTCOME_SURVIVAL: outcomeSurvival,
  TOWNSHIPS_WITH_RESPONSIBLE_PERSON: townshipsWithResponsiblePerson,
  HOUSEHOLDS_WITH_HELPER: householdsWithHelper,
  RECTIFICATIONS_CLOSED_ON_TIME: rectificationsClosedOnTime,
  INCOME_STABLE_HOUSEHOLDS: incomeStableHouseholds,
  FIVE_ONES_HOUSEHOLDS: fiveOnesHouseholds,
  FIVE_ONES_VILLAGES: fiveOnesVillages,
};

/** Computes every assessment metric of a region for a year: additive numerators and denominators (see METRIC_DEFINITIONS). */
export function computeMetrics(ledger: Ledger, options: ComputeMetricsOptions): Metric[] {
  const scope = createMetricScope(createAssessmentContext(ledger, options), options.regionCode);
  return METRIC_CODES.flatMap((code) =>
    METRIC_CALCULATORS[code]
      .compute(scope)
      .map((c) => metric(c.code, options.regionCode, options.year, c.numerator, c.denominator, c.target)),
  );
}

/** Adds up the metrics of several regions (e.g. townships into a county, counties into a city) under one region code. */
export function sumMetrics(lists: readonly (readonly Metric[])[], regionCode: string): Metric[] {
  const sums = new Map<string, { year: number; n: number; d: number; target?: number }>();
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.code}|${m.year}`;
      const s = sums.get(key) ?? {
        year: m.year,
        n: 0,
        d: 0,
        ...(m.target === undefined ? {} : { target: m.target }),
      };
      s.n += m.numerator;
      s.d += m.denominator;
      sums.set(key, s);
    }
  }
  return [...sums].map(([key, s]) =>
    metric(key.slice(0, key.lastIndexOf("|")), regionCode, s.year, s.n, s.d, s.target),
  );
}
