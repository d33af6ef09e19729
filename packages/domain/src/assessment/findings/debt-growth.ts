import { formatFenAsYuan } from "../../shared/money.js";
import { householdIndustriesOf, labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { failingHouseholdIndustries } from "./queries.js";

/**
 * 新增债务 ("养蜂，缺少技术，成活率不到50%，不仅不能增收脱贫，反而新增债务"): a household's debt in an
 * industry grew over the year while that industry failed (survival below the alert rate). A loan to
 * expand a thriving industry is not a problem. Severity high: the household is poorer for the support.
 */
export const debtGrowth: FindingDetector = {
  code: "OUTCOME.DEBT_GROWTH",
  severity: "high",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const { record: r, household: h, ratePct: rate } of failingHouseholdIndustries(ctx)) {
      const before = householdIndustriesOf(ctx.index, r.householdId, ctx.year - 1).find(
        (p) => p.industryId === r.industryId,
      );
      if (!before || r.debtFen <= before.debtFen) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: h.id,
          evidence: [before.id, r.id],
          zh: `${labels.household(ctx, h.id)}发展${labels.industry(ctx, r.industryId)}产业，成活率仅${rate}%，债务却由${ctx.year - 1}年的${formatFenAsYuan(before.debtFen)}元增至${ctx.year}年的${formatFenAsYuan(r.debtFen)}元，因产业失败新增债务`,
          en: `${labels.householdEn(ctx, h.id)}: ${labels.industryEn(ctx, r.industryId)} failed (${rate}% survival) while its debt grew from ${formatFenAsYuan(before.debtFen)} yuan in ${ctx.year - 1} to ${formatFenAsYuan(r.debtFen)} yuan in ${ctx.year}`,
        }),
      );
    }
    return findings;
  },
};
