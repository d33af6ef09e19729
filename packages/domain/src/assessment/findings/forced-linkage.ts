import { linkageCoversYear } from "../../linkage/linkage.js";
import { householdIndustriesOf, labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 拉郎配: a linkage in force in the year whose entity is registered in another township than the
 * household, while the household has no industry record of the entity's industry that year
 * (the linkage's industry when the entity names none; any industry when neither does). Severity medium.
 */
export const forcedLinkage: FindingDetector = {
  code: "LINKAGE.FORCED",
  severity: "medium",
  subjectType: "linkage",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const l of ctx.ledger.linkages) {
      if (!linkageCoversYear(l, ctx.year)) continue;
      const entity = ctx.index.entities.get(l.entityId);
      const h = ctx.index.households.get(l.householdId);
      if (!entity || !h) continue;
      const township = h.villageCode.slice(0, 9);
      if (entity.regionCode.slice(0, 9) === township) continue;
      const industryId = entity.industryId ?? l.industryId;
      const records = householdIndustriesOf(ctx.index, h.id, ctx.year);
      if (records.some((r) => industryId === null || r.industryId === industryId)) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: township,
          subjectId: l.id,
          evidence: [l.id, entity.id, h.id],
          zh: `${labels.household(ctx, h.id)}被联结到外乡镇的${labels.entity(ctx, entity.id)}，${ctx.year}年本户并无${labels.industry(ctx, industryId)}产业（拉郎配）`,
          en: `${labels.householdEn(ctx, h.id)} is linked to ${labels.entityEn(ctx, entity.id)} of another township, with no ${labels.industryEn(ctx, industryId)} industry of its own in ${ctx.year} (forced linkage)`,
        }),
      );
    }
    return findings;
  },
};
