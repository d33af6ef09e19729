import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { failingHouseholdIndustries, servedOnIndustry } from "./queries.js";

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
    for (const { record: r, household: h, ratePct: rate } of failingHouseholdIndustries(ctx)) {
      if (servedOnIndustry(ctx, h, r.industryId, ctx.year)) continue;
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
