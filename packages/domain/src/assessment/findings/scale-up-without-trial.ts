import { labels, NONE, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 不经试验试种 ("没有因地制宜选择品种，不经试验试种，大规模推进后效果不佳又'骑虎难下'"): a village
 * industry of the year scaled up without a finished trial planting. Severity medium.
 */
export const scaleUpWithoutTrial: FindingDetector = {
  code: "INDUSTRY.SCALE_UP_WITHOUT_TRIAL",
  severity: "medium",
  subjectType: "village",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const v of ctx.index.villageIndustriesByYear.get(ctx.year) ?? NONE) {
      if (!v.scaledUp || v.trialStatus === "trialled") continue;
      const trial = v.trialStatus === "none" ? "未经试验试种" : "试验试种尚未完成";
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(v.villageCode),
          subjectId: v.villageCode,
          evidence: [v.id],
          zh: `${labels.village(ctx, v.villageCode)}${ctx.year}年${labels.industry(ctx, v.industryId)}产业${trial}即大规模推进（规模${v.scale}）`,
          en: `Village ${v.villageCode} scaled up ${labels.industryEn(ctx, v.industryId)} in ${ctx.year} (scale ${v.scale}) without a finished trial planting (trial status: ${v.trialStatus})`,
        }),
      );
    }
    return findings;
  },
};
