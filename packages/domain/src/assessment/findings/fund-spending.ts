import type { FundUseCategory } from "../../funds/fund.js";
import { type AssessmentContext, NONE } from "../context.js";

/** Fund uses that are not agriculture: equity in unrelated firms (入股企业), photovoltaics (光伏), welfare handouts. */
export const PAN_WELFARE_CATEGORIES: ReadonlySet<FundUseCategory> = new Set([
  "equity_in_enterprise",
  "photovoltaic",
  "welfare",
]);

/** One spending of a fund in the year: a fund use, or a household subsidy paid from the fund (counted as industry). */
export interface Spending {
  readonly id: string;
  readonly fundId: string;
  readonly category: FundUseCategory;
  readonly amountFen: number;
  /** The region it belongs to: its project's, its household's village, else its fund's. */
  readonly regionCode: string | undefined;
}

/** Every spending of funds in the context's year: fund uses, and subsidies paid from a fund (种养奖补 are industry). */
export function spendingsOfYear(ctx: AssessmentContext): Spending[] {
  const projectRegion = new Map(ctx.ledger.projects.map((p) => [p.id, p.regionCode]));
  const out: Spending[] = [];
  for (const u of ctx.index.fundUsesByYear.get(ctx.year) ?? NONE) {
    const regionCode =
      (u.projectId !== null ? projectRegion.get(u.projectId) : undefined) ??
      ctx.index.funds.get(u.fundId)?.regionCode;
    out.push({ id: u.id, fundId: u.fundId, category: u.category, amountFen: u.amountFen, regionCode });
  }
  for (const s of ctx.index.subsidiesByYear.get(ctx.year) ?? NONE) {
    if (s.fundId === null) continue;
    const regionCode = ctx.index.households.get(s.householdId)?.villageCode;
    out.push({ id: s.id, fundId: s.fundId, category: "industry", amountFen: s.amountFen, regionCode });
  }
  return out;
}
