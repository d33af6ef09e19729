import { linkageCoversYear } from "../../linkage/linkage.js";
import { labels, linkageYearOf, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 挡箭牌: an entity with linkages in the year whose linked households got nothing through it and no technical service. Severity high. */
export const entityShield: FindingDetector = {
  code: "ENTITY.SHIELD",
  severity: "high",
  subjectType: "entity",
  detect(ctx) {
    const served = ctx.index.servedHouseholdsByYear.get(ctx.year);
    const findings: Finding[] = [];
    for (const [entityId, linkages] of ctx.index.linkagesByEntity) {
      const entity = ctx.index.entities.get(entityId);
      if (!entity) continue;
      const current = linkages.filter((l) => linkageCoversYear(l, ctx.year));
      if (current.length === 0) continue;
      const helped = current.some(
        (l) =>
          (linkageYearOf(ctx.index, l.id, ctx.year)?.receivedFen ?? 0) > 0 ||
          served?.has(l.householdId) === true,
      );
      if (helped) continue;
      const households = new Set(current.map((l) => l.householdId)).size;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(entity.regionCode),
          subjectId: entityId,
          evidence: current.map((l) => l.id),
          zh: `${labels.entity(ctx, entityId)}${ctx.year}年名义上联结${households}户贫困户，但无一户获得收益或技术服务（挂“挡箭牌”）`,
          en: `${labels.entityEn(ctx, entityId)} nominally links ${households} household(s) in ${ctx.year}, none of which received anything or any technical service (a "shield")`,
        }),
      );
    }
    return findings;
  },
};
