import { NONE } from "../context.js";
import { defineMetric } from "./metric.js";

/** 资金用于产业比例: the year's fund uses in the region (a project's region, else its fund's) spent on industry. */
export const fundIndustryShare = defineMetric("FUND_INDUSTRY_SHARE", (s) => {
  const { ledger, index, year, policy } = s.ctx;
  const projectRegion = new Map(ledger.projects.map((p) => [p.id, p.regionCode]));
  let industryFen = 0;
  let usedFen = 0;
  for (const u of index.fundUsesByYear.get(year) ?? NONE) {
    const where =
      (u.projectId !== null ? projectRegion.get(u.projectId) : undefined) ??
      index.funds.get(u.fundId)?.regionCode;
    if (where === undefined || !s.within(where)) continue;
    usedFen += u.amountFen;
    if (u.category === "industry") industryFen += u.amountFen;
  }
  return { numerator: industryFen, denominator: usedFen, target: policy.industryFundShareTarget };
});
