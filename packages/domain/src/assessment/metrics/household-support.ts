import { countWhere, defineMetric, type MetricScope } from "./metric.js";

/** Whether a household got a fund (a subsidy, or a project of the year it benefits from). */
const funded = (s: MetricScope, id: string) => s.subsidised.has(id) || s.beneficiaries.has(id);

/** 产业扶贫覆盖率: registered households with an industry, a linkage taken part in, a fund or a service. */
export const industrySupportCoverage = defineMetric("INDUSTRY_SUPPORT_COVERAGE", (s) => ({
  numerator: countWhere(
    s.registered,
    (h) => s.hasIndustry(h.id) || s.tookPart.has(h.id) || funded(s, h.id) || s.served.has(h.id),
  ),
  denominator: s.registered.length,
}));

/** 利益联结覆盖率: registered households that took part in a linkage in the year. */
export const linkageCoverage = defineMetric("LINKAGE_COVERAGE", (s) => ({
  numerator: countWhere(s.registered, (h) => s.tookPart.has(h.id)),
  denominator: s.registered.length,
}));

/** 五个一 households: an industry, a running linkage, taking part, a fund and a service, all in the year. */
export const fiveOnesHouseholds = defineMetric("FIVE_ONES_HOUSEHOLDS", (s) => ({
  numerator: countWhere(
    s.registered,
    (h) =>
      s.hasIndustry(h.id) && s.linked(h.id) && s.tookPart.has(h.id) && funded(s, h.id) && s.served.has(h.id),
  ),
  denominator: s.registered.length,
}));
