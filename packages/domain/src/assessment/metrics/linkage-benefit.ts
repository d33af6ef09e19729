import { NONE } from "../context.js";
import { isTokenBenefit } from "../findings/linkage-yield.js";
import { countWhere, defineMetric, type MetricScope } from "./metric.js";

/** 利益联结持续率: households of the region taking part the year before that still take part. */
export const linkageRetention = defineMetric("LINKAGE_RETENTION", (s) => {
  const before = [...s.tookPartBefore].filter((id) => s.inRegion.has(id));
  return { numerator: countWhere(before, (id) => s.tookPart.has(id)), denominator: before.length };
});

/** The year's linkage records of the region's households. */
function yearsInRegion(s: MetricScope) {
  const { index, year } = s.ctx;
  return (index.linkageYearsByYear.get(year) ?? NONE).filter((y) => {
    const l = index.linkagesById.get(y.linkageId);
    return l !== undefined && s.inRegion.has(l.householdId);
  });
}

/** 浅层联结占比: of the linkage records that paid something, those paying a token (less than their mode yields). */
export const shallowLinkageShare = defineMetric("SHALLOW_LINKAGE_SHARE", (s) => {
  const paying = yearsInRegion(s).filter((y) => y.receivedFen > 0);
  const { index, policy } = s.ctx;
  const token = (y: (typeof paying)[number]) =>
    isTokenBenefit(policy, index.linkagesById.get(y.linkageId)!, y);
  return { numerator: countWhere(paying, token), denominator: paying.length };
});

/** 户均联结收益: fen received through linkages per household of the region taking part. */
export const averageLinkageBenefit = defineMetric("AVERAGE_LINKAGE_BENEFIT", (s) => ({
  numerator: yearsInRegion(s).reduce((sum, y) => sum + y.receivedFen, 0),
  denominator: countWhere(s.tookPart, (id) => s.inRegion.has(id)),
}));
