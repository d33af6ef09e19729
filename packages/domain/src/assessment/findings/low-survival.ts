import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 成活率低: a household's industry of the year kept fewer units alive than the survival alert rate (e.g. bee colonies under 50%). Severity medium. */
export const lowSurvival: FindingDetector = {
  code: "OUTCOME.LOW_SURVIVAL",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.householdIndustriesByYear.get(ctx.year) ?? NONE) {
      if (r.unitsStarted <= 0 || r.unitsSurvived / r.unitsStarted >= ctx.policy.survivalAlertRate) continue;
      const h = ctx.index.households.get(r.householdId);
      if (!h) continue;
      const unit = ctx.index.industries.get(r.industryId)?.outcomeUnit ?? "";
      const rate = Math.round((r.unitsSurvived / r.unitsStarted) * 100);
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
