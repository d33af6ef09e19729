import type { LedgerData } from "../../ledger/ledger.js";
import { createMetricScope, type MetricCalculator, type MetricCount } from "../metrics/metric.js";
import type { AssessmentPolicy } from "../policy.js";
import { buildLedger, COUNTY, contextFor } from "./fixtures.js";

/** Runs one metric calculator over a fixture ledger for a region (the county by default) and year. */
export function runMetric(
  calculator: MetricCalculator,
  records: Partial<LedgerData>,
  year: number,
  options: { region?: string; now?: Date; policy?: Partial<AssessmentPolicy> } = {},
): MetricCount[] {
  const ctx = contextFor(buildLedger(records), year, options);
  return calculator.compute(createMetricScope(ctx, options.region ?? COUNTY));
}

/** The numerator and denominator of a single-code metric. */
export function countsOf(
  calculator: MetricCalculator,
  records: Partial<LedgerData>,
  year: number,
  options: { region?: string; now?: Date; policy?: Partial<AssessmentPolicy> } = {},
): [number, number] {
  const [count] = runMetric(calculator, records, year, options);
  return [count!.numerator, count!.denominator];
}
