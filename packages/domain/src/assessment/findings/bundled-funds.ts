import { CREDIT_KIND_LABELS, type CreditReturn } from "../../credit/credit.js";
import { linkageCoversYear } from "../../linkage/linkage.js";
import { daysBetween, yearOf } from "../../shared/dates.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { type AssessmentContext, labels, linkageYearOf, NONE, push } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { labourOfHouseholds } from "./queries.js";

/** Whether the household took part, in the context's year, in a linkage with the entity. */
function tookPartWith(ctx: AssessmentContext, householdId: string, entityId: string): string | null {
  for (const l of ctx.index.linkagesByHousehold.get(householdId) ?? NONE) {
    if (l.entityId !== entityId || !linkageCoversYear(l, ctx.year)) continue;
    if (linkageYearOf(ctx.index, l.id, ctx.year)?.tookPart) return l.id;
  }
  return null;
}

/**
 * 一捆了之 ("利益联结不完善，'一补了之'、'一捆了之'、假链接、浅链接、拉郎配等问题突出"): a household's
 * microcredit or household-level fund bundled into a business entity (户贷企用, 到户资金入股), after which
 * the household, in the assessed year, got nothing back (no dividend, no repayment), or got a payout
 * while taking no part in the entity's work. Judged once the money has been with the entity
 * `bundledGraceDays`, until its principal is repaid. Not a fault: a loan the household uses itself
 * (户贷户用); a household that takes part and gets its return; a household with no one able to work
 * paid at least the policy's dividend rate (资产收益, the mode for households without labour).
 * Severity high: it is the household's own money or debt.
 */
export const bundledFunds: FindingDetector = {
  code: "LINKAGE.BUNDLED",
  severity: "high",
  subjectType: "credit",
  detect(ctx) {
    const returns = new Map<string, CreditReturn[]>();
    for (const r of ctx.ledger.creditReturns) if (r.date <= ctx.asOf) push(returns, r.creditId, r);
    const { listed, able } = labourOfHouseholds(ctx);
    const findings: Finding[] = [];
    for (const c of ctx.ledger.credits) {
      const h = ctx.index.households.get(c.householdId);
      if (c.entityId === null || !h || daysBetween(c.placedDate, ctx.asOf) < ctx.policy.bundledGraceDays)
        continue;
      const all = returns.get(c.id) ?? NONE;
      const repaidBefore = all
        .filter((r) => r.kind === "repayment" && yearOf(r.date) < ctx.year)
        .reduce((sum, r) => sum + r.amountFen, 0);
      if (repaidBefore >= c.amountFen) continue;
      const inYear = all.filter((r) => yearOf(r.date) === ctx.year);
      const back = inYear.reduce((sum, r) => sum + r.amountFen, 0);
      const linkageId = tookPartWith(ctx, h.id, c.entityId);
      if (back > 0 && linkageId !== null) continue;
      const assetIncome = listed.has(h.id) && !able.has(h.id);
      if (back > 0 && assetIncome && back >= c.amountFen * ctx.policy.dividendRateMin) continue;
      const what = CREDIT_KIND_LABELS[c.kind];
      const amount = formatFenAsYuan(c.amountFen);
      const why =
        back === 0
          ? { zh: "当年未获分红或还本", en: "got nothing back (no dividend, no repayment)" }
          : {
              zh: `当年仅获固定收益${formatFenAsYuan(back)}元，未参与经营主体的生产经营`,
              en: `got a payout of ${formatFenAsYuan(back)} yuan but took no part in the entity's work`,
            };
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: c.id,
          evidence: [c.id, h.id, c.entityId, ...inYear.map((r) => r.id)],
          zh: `${labels.household(ctx, h.id)}的${what}${amount}元于${c.placedDate}投入${labels.entity(ctx, c.entityId)}，${why.zh}（一捆了之）`,
          en: `${labels.householdEn(ctx, h.id)} placed ${amount} yuan of ${c.kind.replace("_", " ")} with ${labels.entityEn(ctx, c.entityId)} on ${c.placedDate} and in ${ctx.year} ${why.en} (bundled and forgotten)`,
        }),
      );
    }
    return findings;
  },
};
