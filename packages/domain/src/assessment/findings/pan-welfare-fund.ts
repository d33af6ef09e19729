import { FUND_USE_CATEGORY_LABELS, type FundUse, type FundUseCategory } from "../../funds/fund.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { NONE, push, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

const PAN_WELFARE: ReadonlySet<FundUseCategory> = new Set([
  "equity_in_enterprise",
  "photovoltaic",
  "welfare",
]);

/** 泛福利化: a fund used in the year for equity in enterprises, photovoltaics or welfare instead of industry. Severity high. */
export const panWelfareFund: FindingDetector = {
  code: "FUNDS.PAN_WELFARE",
  severity: "high",
  subjectType: "fund",
  detect(ctx) {
    const byFund = new Map<string, FundUse[]>();
    for (const u of ctx.index.fundUsesByYear.get(ctx.year) ?? NONE) {
      if (!PAN_WELFARE.has(u.category)) continue;
      push(byFund, u.fundId, u);
    }
    const findings: Finding[] = [];
    for (const [fundId, uses] of byFund) {
      const fund = ctx.index.funds.get(fundId);
      if (!fund) continue;
      const total = uses.reduce((sum, u) => sum + u.amountFen, 0);
      const kinds = [...new Set(uses.map((u) => u.category))];
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(fund.regionCode),
          subjectId: fundId,
          evidence: uses.map((u) => u.id),
          zh: `资金「${fund.name}」${ctx.year}年有${formatFenAsYuan(total)}元用于${kinds.map((k) => FUND_USE_CATEGORY_LABELS[k]).join("、")}，未投向产业（泛福利化）`,
          en: `Fund "${fund.name}" (${fundId}) put ${formatFenAsYuan(total)} yuan into ${kinds.join(", ")} in ${ctx.year} instead of industry (pan-welfare use)`,
        }),
      );
    }
    return findings;
  },
};
