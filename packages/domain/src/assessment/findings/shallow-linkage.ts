import { LINKAGE_MODE_LABELS } from "../../linkage/linkage.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { expectedYieldFen, isTokenBenefit } from "./linkage-yield.js";

/**
 * 浅链接 ("假链接、浅链接、拉郎配等问题突出"): a linkage that paid the household something in the year,
 * but less than its mode should yield — a dividend against the sum invested, wages against months
 * worked, rent against the land, else the policy's least yield of the mode. Severity medium: the
 * household is carried on the books for a token.
 */
export const shallowLinkage: FindingDetector = {
  code: "LINKAGE.SHALLOW",
  severity: "medium",
  subjectType: "linkage",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const y of ctx.index.linkageYearsByYear.get(ctx.year) ?? NONE) {
      const l = ctx.index.linkagesById.get(y.linkageId);
      const h = l && ctx.index.households.get(l.householdId);
      if (!l || !h || !isTokenBenefit(ctx.policy, l, y)) continue;
      const expected = formatFenAsYuan(expectedYieldFen(ctx.policy, l, y));
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: l.id,
          evidence: [l.id, y.id],
          zh: `${labels.entity(ctx, l.entityId)}与${labels.household(ctx, l.householdId)}的${LINKAGE_MODE_LABELS[l.mode]}利益联结${ctx.year}年仅带来${formatFenAsYuan(y.receivedFen)}元收益，低于该方式应有的${expected}元（浅链接）`,
          en: `Linkage ${l.id} (${l.mode}) of ${labels.entityEn(ctx, l.entityId)} with ${labels.householdEn(ctx, l.householdId)} paid only ${formatFenAsYuan(y.receivedFen)} yuan in ${ctx.year}, below the ${expected} yuan its mode should yield (shallow linkage)`,
        }),
      );
    }
    return findings;
  },
};
