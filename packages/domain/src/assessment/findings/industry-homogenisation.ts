import { type AssessmentContext, labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import {
  householdResultsByVillageIndustry,
  type IndustryResults,
  industryResultsIn,
  industryResultsText,
  isFailingIndustry,
} from "./queries.js";

/** township → industry → the villages (and their records) that chose it this year; and township → villages with any industry. */
function choicesByTownship(ctx: AssessmentContext) {
  const byIndustry = new Map<string, Map<string, Map<string, string>>>();
  const villagesOf = new Map<string, Set<string>>();
  for (const v of ctx.index.villageIndustriesByYear.get(ctx.year) ?? NONE) {
    const township = v.villageCode.slice(0, 9);
    const villages = villagesOf.get(township) ?? new Set<string>();
    villages.add(v.villageCode);
    villagesOf.set(township, villages);
    const industries = byIndustry.get(township) ?? new Map<string, Map<string, string>>();
    byIndustry.set(township, industries);
    const chose = industries.get(v.industryId) ?? new Map<string, string>();
    industries.set(v.industryId, chose);
    if (!chose.has(v.villageCode)) chose.set(v.villageCode, v.id);
  }
  return { byIndustry, villagesOf };
}

/**
 * 同质化 ("产业定位不准、覆盖面不广、同质化问题突出。如有的地方没有因地制宜选择品种，不经试验试种，
 * 大规模推进后效果不佳又'骑虎难下'"): at least `homogenisationMinVillages` of a township's villages have
 * an industry this year, at least `homogenisationShare` of them chose one industry, **and that industry
 * is failing there**: of the households keeping it in those villages (at least
 * `failingIndustryMinHouseholds`), at least `failingIndustryShare` did poorly (survival below the alert
 * rate, shrunk to `industryShrinkRate` of last year's or less, or gave it up). A township where most
 * villages keep one thriving product is 一村一品, policy, not a fault. Severity medium.
 */
export const industryHomogenisation: FindingDetector = {
  code: "INDUSTRY.HOMOGENISATION",
  severity: "medium",
  subjectType: "township",
  detect(ctx) {
    const { byIndustry, villagesOf } = choicesByTownship(ctx);
    const results = householdResultsByVillageIndustry(ctx);
    const findings: Finding[] = [];
    for (const [township, industries] of byIndustry) {
      const villages = villagesOf.get(township)!.size;
      if (villages < ctx.policy.homogenisationMinVillages) continue;
      const failing: [string, Map<string, string>, IndustryResults][] = [];
      for (const [industryId, chose] of industries) {
        if (chose.size / villages < ctx.policy.homogenisationShare) continue;
        const r = industryResultsIn(results, chose.keys(), industryId);
        if (isFailingIndustry(ctx, r)) failing.push([industryId, chose, r]);
      }
      failing.sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
      const top = failing[0];
      if (!top) continue;
      const [industryId, chose, r] = top;
      const text = industryResultsText(ctx, r);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: township,
          subjectId: township,
          evidence: [...chose.values(), ...r.poor.flatMap((p) => p.recordIds)],
          zh: `${labels.township(ctx, township)}${ctx.year}年有产业的${villages}个村中${chose.size}个选择${labels.industry(ctx, industryId)}，${text.zh}，产业同质化且效果不佳`,
          en: `In township ${township}, ${chose.size} of the ${villages} villages with an industry in ${ctx.year} chose ${labels.industryEn(ctx, industryId)}, and it is failing: ${text.en} (homogenisation)`,
        }),
      );
    }
    return findings;
  },
};
