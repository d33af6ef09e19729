import { FUND_USE_CATEGORY_LABELS } from "../../funds/fund.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { PAN_WELFARE_CATEGORIES, spendingsOfYear } from "./fund-spending.js";

/**
 * 泛福利化 ("除了对贫困户种养进行奖补外，其余的又投向了非农产业，比如有的入股企业、有的投资光伏"): the
 * share of the county's fund spending of the year that went to equity in enterprises, photovoltaics
 * or welfare is above the policy maximum. One such use is not the problem; the share is. Severity high.
 */
export const panWelfareFund: FindingDetector = {
  code: "FUNDS.PAN_WELFARE",
  severity: "high",
  subjectType: "county",
  detect(ctx) {
    const spendings = spendingsOfYear(ctx);
    const total = spendings.reduce((sum, s) => sum + s.amountFen, 0);
    const welfare = spendings.filter((s) => PAN_WELFARE_CATEGORIES.has(s.category));
    const fen = welfare.reduce((sum, s) => sum + s.amountFen, 0);
    if (total === 0 || fen / total <= ctx.policy.panWelfareShareMax) return [];
    const county = ctx.ledger.countyCode;
    const share = ((fen / total) * 100).toFixed(1);
    const kinds = [...new Set(welfare.map((s) => s.category))];
    const max = Math.round(ctx.policy.panWelfareShareMax * 100);
    const finding: Finding = makeFinding(this, ctx, {
      regionCode: county,
      subjectId: county,
      evidence: welfare.map((s) => s.id),
      zh: `${labels.county(ctx)}${ctx.year}年资金的${share}%（${formatFenAsYuan(fen)}元）投向${kinds.map((k) => FUND_USE_CATEGORY_LABELS[k]).join("、")}等非农用途，超过${max}%（泛福利化）`,
      en: `County ${county} put ${share}% of its ${ctx.year} fund spending (${formatFenAsYuan(fen)} yuan) into ${kinds.join(", ")}, above ${max}% (pan-welfare use)`,
    });
    return [finding];
  },
};
