import { formatFenAsYuan } from "../../shared/money.js";
import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 资金投入产业比例不高: of the county's fund uses in the year, the industry share is below the policy target. Severity critical. */
export const lowIndustryFundShare: FindingDetector = {
  code: "FUNDS.LOW_INDUSTRY_SHARE",
  severity: "critical",
  subjectType: "county",
  detect(ctx) {
    const uses = ctx.index.fundUsesByYear.get(ctx.year) ?? NONE;
    let total = 0;
    let industry = 0;
    for (const u of uses) {
      total += u.amountFen;
      if (u.category === "industry") industry += u.amountFen;
    }
    if (total === 0 || industry / total >= ctx.policy.industryFundShareTarget) return [];
    const county = ctx.ledger.countyCode;
    const share = ((industry / total) * 100).toFixed(1);
    const target = Math.round(ctx.policy.industryFundShareTarget * 100);
    const finding: Finding = makeFinding(this, ctx, {
      regionCode: county,
      subjectId: county,
      evidence: uses.filter((u) => u.category !== "industry").map((u) => u.id),
      zh: `${labels.county(ctx)}${ctx.year}年使用资金${formatFenAsYuan(total)}元，用于产业发展${formatFenAsYuan(industry)}元，占${share}%，低于${target}%的目标`,
      en: `County ${county} used ${formatFenAsYuan(total)} yuan of funds in ${ctx.year}, ${formatFenAsYuan(industry)} yuan (${share}%) for industry, below the ${target}% target`,
    });
    return [finding];
  },
};
