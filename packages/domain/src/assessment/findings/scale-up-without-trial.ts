import { labels, NONE, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import {
  householdResultsByVillageIndustry,
  industryResultsIn,
  industryResultsText,
  isFailingIndustry,
} from "./queries.js";

/**
 * 不经试验试种，盲目扩大规模 ("没有因地制宜选择品种，不经试验试种，大规模推进后效果不佳又'骑虎难下'"):
 * a village industry of the year scaled up without a finished trial planting **and doing poorly after
 * it**: of the village's households keeping the industry (at least `failingIndustryMinHouseholds`), at
 * least `failingIndustryShare` did poorly this year (survival below the alert rate, shrunk to
 * `industryShrinkRate` of last year's or less, or gave it up). Scale alone is not the fault: an
 * untrialled industry that thrives, or a loan to expand a thriving one, is healthy. Severity medium.
 */
export const scaleUpWithoutTrial: FindingDetector = {
  code: "INDUSTRY.SCALE_UP_WITHOUT_TRIAL",
  severity: "medium",
  subjectType: "village",
  detect(ctx) {
    const findings: Finding[] = [];
    let results: ReturnType<typeof householdResultsByVillageIndustry> | undefined;
    for (const v of ctx.index.villageIndustriesByYear.get(ctx.year) ?? NONE) {
      if (!v.scaledUp || v.trialStatus === "trialled") continue;
      results ??= householdResultsByVillageIndustry(ctx);
      const r = industryResultsIn(results, [v.villageCode], v.industryId);
      if (!isFailingIndustry(ctx, r)) continue;
      const trial = v.trialStatus === "none" ? "未经试验试种" : "试验试种尚未完成";
      const text = industryResultsText(ctx, r);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(v.villageCode),
          subjectId: v.villageCode,
          evidence: [v.id, ...r.poor.flatMap((p) => p.recordIds)],
          zh: `${labels.village(ctx, v.villageCode)}${ctx.year}年${labels.industry(ctx, v.industryId)}产业${trial}即大规模推进（规模${v.scale}），${text.zh}`,
          en: `Village ${v.villageCode} scaled up ${labels.industryEn(ctx, v.industryId)} in ${ctx.year} (scale ${v.scale}) without a finished trial planting (trial status: ${v.trialStatus}); ${text.en}`,
        }),
      );
    }
    return findings;
  },
};
