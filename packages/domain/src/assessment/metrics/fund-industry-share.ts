import { spendingsOfYear } from "../findings/fund-spending.js";
import { industryFundShareTarget } from "../policy.js";
import { defineMetric } from "./metric.js";

/**
 * 资金用于产业比例: the year's fund spending in the region (a use's project region, else its fund's; a
 * subsidy's household village) on industry, household 种养 subsidies paid from a fund counted as
 * industry; the target is the dated one in force that year (none before 2021).
 */
export const fundIndustryShare = defineMetric("FUND_INDUSTRY_SHARE", (s) => {
  let industryFen = 0;
  let usedFen = 0;
  for (const x of spendingsOfYear(s.ctx)) {
    if (x.regionCode === undefined || !s.within(x.regionCode)) continue;
    usedFen += x.amountFen;
    if (x.category === "industry") industryFen += x.amountFen;
  }
  const target = industryFundShareTarget(s.ctx.policy, s.ctx.year);
  return { numerator: industryFen, denominator: usedFen, ...(target === null ? {} : { target }) };
});
