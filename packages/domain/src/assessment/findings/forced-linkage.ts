import { linkageCoversYear } from "../../linkage/linkage.js";
import { householdIndustriesOf, labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { labourOfHouseholds } from "./queries.js";

/**
 * 拉郎配 ("假链接、浅链接、拉郎配等问题突出"): a household assigned to a mode it cannot take part in —
 * order purchasing (订单收购) of a crop it does not grow that year, or employment (务工) with no member
 * able to work. Employment, land-lease, equity and asset-income households never keep the entity's
 * crop, and an entity in another township is no fault. Severity medium.
 */
export const forcedLinkage: FindingDetector = {
  code: "LINKAGE.FORCED",
  severity: "medium",
  subjectType: "linkage",
  detect(ctx) {
    const { listed, able } = labourOfHouseholds(ctx);
    const findings: Finding[] = [];
    for (const l of ctx.ledger.linkages) {
      if (!linkageCoversYear(l, ctx.year)) continue;
      const entity = ctx.index.entities.get(l.entityId);
      const h = ctx.index.households.get(l.householdId);
      if (!entity || !h) continue;
      let why: { zh: string; en: string } | null = null;
      if (l.mode === "order_purchase") {
        const industryId = l.industryId ?? entity.industryId;
        const own = householdIndustriesOf(ctx.index, h.id, ctx.year) ?? NONE;
        if (!own.some((r) => industryId === null || r.industryId === industryId))
          why = {
            zh: `订单收购${labels.industry(ctx, industryId)}，但本户${ctx.year}年并无该产业`,
            en: `order purchasing of ${labels.industryEn(ctx, industryId)}, which the household did not grow or raise in ${ctx.year}`,
          };
      } else if (l.mode === "employment" && listed.has(h.id) && !able.has(h.id)) {
        why = { zh: "务工就业，但本户无劳动力", en: "employment, with no member able to work" };
      }
      if (!why) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: l.id,
          evidence: [l.id, entity.id, h.id],
          zh: `${labels.household(ctx, h.id)}被联结到${labels.entity(ctx, entity.id)}，方式为${why.zh}（拉郎配）`,
          en: `${labels.householdEn(ctx, h.id)} is linked to ${labels.entityEn(ctx, entity.id)} by ${why.en} (forced linkage)`,
        }),
      );
    }
    return findings;
  },
};
