import { LINKAGE_MODE_LABELS } from "../../linkage/linkage.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 浅链接: a linkage that paid the household something in the year, but less than the shallow-linkage amount. Severity low. */
export const shallowLinkage: FindingDetector = {
  code: "LINKAGE.SHALLOW",
  severity: "low",
  subjectType: "linkage",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const y of ctx.index.linkageYearsByYear.get(ctx.year) ?? NONE) {
      if (y.receivedFen <= 0 || y.receivedFen >= ctx.policy.shallowLinkageFen) continue;
      const l = ctx.index.linkagesById.get(y.linkageId);
      const h = l && ctx.index.households.get(l.householdId);
      if (!l || !h) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: l.id,
          evidence: [l.id, y.id],
          zh: `${labels.entity(ctx, l.entityId)}与${labels.household(ctx, l.householdId)}的${LINKAGE_MODE_LABELS[l.mode]}利益联结${ctx.year}年仅带来${formatFenAsYuan(y.receivedFen)}元收益，低于${formatFenAsYuan(ctx.policy.shallowLinkageFen)}元（浅链接）`,
          en: `Linkage ${l.id} of ${labels.entityEn(ctx, l.entityId)} with ${labels.householdEn(ctx, l.householdId)} paid only ${formatFenAsYuan(y.receivedFen)} yuan in ${ctx.year}, below ${formatFenAsYuan(ctx.policy.shallowLinkageFen)} (shallow linkage)`,
        }),
      );
    }
    return findings;
  },
};
