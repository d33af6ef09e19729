import type { Ledger } from "../../ledger/ledger.js";
import { linkageCoversYear } from "../../linkage/linkage.js";
import { type AssessmentContext, householdIndustriesOf, NONE } from "../context.js";
import type { MetricCode } from "../metric-codes.js";

/** What the metrics of one region and year share: the context and the region's households and their support. */
export interface MetricScope {
  readonly ctx: AssessmentContext;
  /** The region measured. */
  readonly region: string;
  within(code: string): boolean;
  /** Households of the region (any registration year) and their ids. */
  readonly households: Ledger["households"];
  readonly inRegion: ReadonlySet<string>;
  /** Households of the region registered (建档立卡) in or before the year. */
  readonly registered: Ledger["households"];
  /** Households that took part in a linkage in the year, and in the year before. */
  readonly tookPart: ReadonlySet<string>;
  readonly tookPartBefore: ReadonlySet<string>;
  /** Households given a subsidy in the year. */
  readonly subsidised: ReadonlySet<string>;
  /** Households listed by a technical service of the year. */
  readonly served: ReadonlySet<string>;
  readonly projectsOfYear: Ledger["projects"];
  /** Households benefiting from a project of the year. */
  readonly beneficiaries: ReadonlySet<string>;
  /** Whether a household ran an industry of its own in the year. */
  hasIndustry(householdId: string): boolean;
  /** Whether a household had a linkage running in the year. */
  linked(householdId: string): boolean;
}

/** A metric's additive counts before they become a `Metric` (a code may carry a suffix, e.g. an industry's). */
export interface MetricCount {
  readonly code: MetricCode | `${MetricCode}.${string}`;
  readonly numerator: number;
  readonly denominator: number;
  readonly target?: number;
}

/** Computes one metric (one per industry for OUTCOME_SURVIVAL) of a region for a year. */
export interface MetricCalculator {
  readonly code: MetricCode;
  compute(scope: MetricScope): MetricCount[];
}

/** The households (ids) that took part in at least one linkage in `year`. */
function participants(ctx: AssessmentContext, year: number): Set<string> {
  const result = new Set<string>();
  for (const y of ctx.index.linkageYearsByYear.get(year) ?? NONE) {
    if (!y.tookPart) continue;
    const l = ctx.index.linkagesById.get(y.linkageId);
    if (l) result.add(l.householdId);
  }
  return result;
}

/** The scope of the metrics of a region for the context's year. */
export function createMetricScope(ctx: AssessmentContext, region: string): MetricScope {
  const { ledger, index, year } = ctx;
  const within = (code: string) => code.startsWith(region);
  const households = ledger.households.filter((h) => within(h.villageCode));
  const projectsOfYear = ledger.projects.filter((p) => p.year === year);
  return {
    ctx,
    region,
    within,
    households,
    inRegion: new Set(households.map((h) => h.id)),
    registered: households.filter((h) => h.registeredYear <= year),
    tookPart: participants(ctx, year),
    tookPartBefore: participants(ctx, year - 1),
    subsidised: new Set((index.subsidiesByYear.get(year) ?? NONE).map((s) => s.householdId)),
    served: index.servedHouseholdsByYear.get(year) ?? new Set<string>(),
    projectsOfYear,
    beneficiaries: new Set(projectsOfYear.flatMap((p) => p.beneficiaryHouseholdIds)),
    hasIndustry: (id) => householdIndustriesOf(index, id, year).length > 0,
    linked: (id) => (index.linkagesByHousehold.get(id) ?? NONE).some((l) => linkageCoversYear(l, year)),
  };
}

/** A calculator of one code from a function counting its numerator and denominator. */
export function defineMetric(
  code: MetricCode,
  count: (scope: MetricScope) => { numerator: number; denominator: number; target?: number },
): MetricCalculator {
  return { code, compute: (scope) => [{ code, ...count(scope) }] };
}

/** How many of a list satisfy a predicate. */
export function countWhere<T>(items: Iterable<T>, predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
}
