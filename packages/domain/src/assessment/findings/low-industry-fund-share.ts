import { formatFenAsYuan } from "../../shared/money.js";
import { labels } from "../context.js";
import { industryFundShareTarget } from "../policy.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { spendingsOfYear } from "./fund-spending.js";

/**
 * 资金投入不足 ("扶贫资金用于产业扶贫的比例不高"): of the county's fund spending in the year — fund uses
 * and household 种养 subsidies paid from a fund, which count as industry — the industry share is below
 * the dated target (衔接资金: 55% from 2021, 60% from 2023; none before). Severity critical: it is a
 * county-wide assessment item.
 */
export const lowIndustryFundShare: FindingDetector = {
  code: "FUNDS.LOW_INDUSTRY_SHARE",
  severity: "critical",
  subjectType: "county",
  detect(ctx) {
    const target = industryFundShareTarget(ctx.policy, ctx.year);
    if (target === null) return [];
    const spendings = spendingsOfYear(ctx);
    let total = 0;
    let industry = 0;
    for (const s of spendings) {
      total += s.amountFen;
      if (s.category === "industry") industry += s.amountFen;
    }
    if (total === 0 || industry / total >= target) return [];
    const county = ctx.ledger.countyCode;
    const share = ((industry / total) * 100).toFixed(1);
    const pct = Math.round(target * 100);
    const finding: Finding = makeFinding(this, ctx, {
      regionCode: county,
      subjectId: county,
      evidence: spendings.filter((s) => s.category !== "industry").map((s) => s.id),
      zh: `${labels.county(ctx)}${ctx.year}年使用资金${formatFenAsYuan(total)}元（含种养奖补），用于产业发展${formatFenAsYuan(industry)}元，占${share}%，低于${ctx.year}年${pct}%的要求`,
      en: `County ${county} spent ${formatFenAsYuan(total)} yuan of funds in ${ctx.year} (household subsidies included), ${formatFenAsYuan(industry)} yuan (${share}%) on industry, below the ${pct}% required that year`,
    });
    return [finding];
  },
};
