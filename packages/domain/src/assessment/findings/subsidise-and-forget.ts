import { formatFenAsYuan } from "../../shared/money.js";
import type { Subsidy } from "../../support/subsidy.js";
import { householdIndustriesOf, labels, NONE, push, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { receivedThroughLinkage } from "./queries.js";

/**
 * 一补了之 ("利益联结不完善，'一补了之'…"): a household subsidised the year before that, this year,
 * received nothing through a linkage and has no industry record — the subsidy was the whole of the
 * support. Severity medium.
 */
export const subsidiseAndForget: FindingDetector = {
  code: "SUPPORT.SUBSIDISE_AND_FORGET",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const last = ctx.year - 1;
    const byHousehold = new Map<string, Subsidy[]>();
    for (const s of ctx.index.subsidiesByYear.get(last) ?? NONE) {
      push(byHousehold, s.householdId, s);
    }
    const findings: Finding[] = [];
    for (const [householdId, subsidies] of byHousehold) {
      const h = ctx.index.households.get(householdId);
      if (!h) continue;
      if (receivedThroughLinkage(ctx, householdId, ctx.year)) continue;
      if (householdIndustriesOf(ctx.index, householdId, ctx.year).length > 0) continue;
      const total = subsidies.reduce((sum, s) => sum + s.amountFen, 0);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(h.villageCode),
          subjectId: householdId,
          evidence: subsidies.map((s) => s.id),
          zh: `${labels.household(ctx, householdId)}${last}年获补贴${formatFenAsYuan(total)}元，${ctx.year}年既无利益联结收益也无产业记录（一补了之）`,
          en: `${labels.householdEn(ctx, householdId)} was subsidised ${formatFenAsYuan(total)} yuan in ${last} but in ${ctx.year} received nothing through a linkage and has no industry record (subsidise and forget)`,
        }),
      );
    }
    return findings;
  },
};
