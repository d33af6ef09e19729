import { NONE } from "../context.js";
import type { MetricCalculator } from "./metric.js";

/** 成活率 per industry (`OUTCOME_SURVIVAL.<industry code>`): units kept alive of units started by the region's households. */
export const outcomeSurvival: MetricCalculator = {
  code: "OUTCOME_SURVIVAL",
  compute(s) {
    const { ledger, index, year } = s.ctx;
    const survival = new Map(ledger.industries.map((i) => [i.id, { survived: 0, started: 0 }]));
    for (const r of index.householdIndustriesByYear.get(year) ?? NONE) {
      const sums = survival.get(r.industryId);
      if (!sums || !s.inRegion.has(r.householdId)) continue;
      sums.survived += r.unitsSurvived;
      sums.started += r.unitsStarted;
    }
    return ledger.industries.map((industry) => {
      const sums = survival.get(industry.id)!;
      return {
        code: `OUTCOME_SURVIVAL.${industry.code}` as const,
        numerator: sums.survived,
        denominator: sums.started,
      };
    });
  },
};
