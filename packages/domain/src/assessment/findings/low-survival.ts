import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { failingHouseholdIndustries } from "./queries.js";

/**
 * 成活率低 ("有的贫困户养蜂，缺少技术，成活率不到50%"): a household's industry of the year, counted in
 * living units (colonies, birds, livestock — an area in 亩 has no survival rate), kept fewer alive than
 * the survival alert rate. Severity medium: the loss is the household's; with no service behind it, it
 * is also OUTCOME.FAILING_WITHOUT_SERVICE.
 */
export const lowSurvival: FindingDetector = {
  code: "OUTCOME.LOW_SURVIVAL",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const { record: r, household: h, ratePct: rate } of failingHouseholdIndustries(ctx)) {
      const unit = ctx.index.industries.get(r.industryId)?.outcomeUnit ?? "";
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: h.id,
          evidence: [r.id],
          zh: `${labels.household(ctx, h.id)}${ctx.year}年${labels.industry(ctx, r.industryId)}${r.unitsStarted}${unit}仅存活${r.unitsSurvived}${unit}，成活率${rate}%，低于${Math.round(ctx.policy.survivalAlertRate * 100)}%`,
          en: `${labels.householdEn(ctx, h.id)}: ${labels.industryEn(ctx, r.industryId)} in ${ctx.year} kept ${r.unitsSurvived} of ${r.unitsStarted} units (${rate}%), below ${Math.round(ctx.policy.survivalAlertRate * 100)}%`,
        }),
      );
    }
    return findings;
  },
};
