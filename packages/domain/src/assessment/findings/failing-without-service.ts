import type { HouseholdIndustry } from "../../industries/industry.js";
import { type AssessmentContext, labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { isFailing } from "./queries.js";

/** Whether a technical service of the year listed the household, or served its village on that industry. */
function served(ctx: AssessmentContext, r: HouseholdIndustry, villageCode: string): boolean {
  if (ctx.index.servedHouseholdsByYear.get(ctx.year)?.has(r.householdId)) return true;
  return (ctx.index.servicesByYear.get(ctx.year) ?? NONE).some(
    (s) => s.regionCode === villageCode && s.industryId === r.industryId,
  );
}

/**
 * 缺技术 ("贫困户缺技术、缺市场…有的贫困户养蜂，缺少技术，成活率不到50%，不仅不能增收脱贫，反而新增
 * 债务"): a household's industry failing in the year (survival below `survivalAlertRate`) with no
 * technical service of that year behind it — none listing the household, none in its village on
 * that industry. A failing industry the service team is working on is OUTCOME.LOW_SURVIVAL only.
 * Severity high: the household is losing its stock and nobody is helping.
 */
export const failingWithoutService: FindingDetector = {
  code: "OUTCOME.FAILING_WITHOUT_SERVICE",
  severity: "high",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.householdIndustriesByYear.get(ctx.year) ?? NONE) {
      if (!isFailing(ctx, r)) continue;
      const h = ctx.index.households.get(r.householdId);
      if (!h || served(ctx, r, h.villageCode)) continue;
      const rate = Math.round((r.unitsSurvived / r.unitsStarted) * 100);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: h.id,
          evidence: [r.id],
          zh: `${labels.household(ctx, h.id)}${ctx.year}年${labels.industry(ctx, r.industryId)}成活率${rate}%，全年没有技术服务（缺技术）`,
          en: `${labels.householdEn(ctx, h.id)}: ${labels.industryEn(ctx, r.industryId)} kept ${rate}% in ${ctx.year} with no technical service that year`,
        }),
      );
    }
    return findings;
  },
};
