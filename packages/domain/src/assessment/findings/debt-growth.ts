import { formatFenAsYuan } from "../../shared/money.js";
import { householdIndustriesOf, labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 新增债务: a household's industry record of the year carries more debt than its record of the same industry the year before. Severity high. */
export const debtGrowth: FindingDetector = {
  code: "OUTCOME.DEBT_GROWTH",
  severity: "high",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.householdIndustriesByYear.get(ctx.year) ?? NONE) {
      const before = householdIndustriesOf(ctx.index, r.householdId, ctx.year - 1).find(
        (p) => p.industryId === r.industryId,
      );
      if (!before || r.debtFen <= before.debtFen) continue;
      const h = ctx.index.households.get(r.householdId);
      if (!h) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: h.id,
          evidence: [before.id, r.id],
          zh: `${labels.household(ctx, h.id)}发展${labels.industry(ctx, r.industryId)}产业，债务由${ctx.year - 1}年的${formatFenAsYuan(before.debtFen)}元增至${ctx.year}年的${formatFenAsYuan(r.debtFen)}元，因产业新增债务`,
          en: `${labels.householdEn(ctx, h.id)}: debt in ${labels.industryEn(ctx, r.industryId)} grew from ${formatFenAsYuan(before.debtFen)} yuan in ${ctx.year - 1} to ${formatFenAsYuan(r.debtFen)} yuan in ${ctx.year}`,
        }),
      );
    }
    return findings;
  },
};
