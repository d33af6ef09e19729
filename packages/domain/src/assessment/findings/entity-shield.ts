import { linkageCoversYear } from "../../linkage/linkage.js";
import { labels, linkageYearOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { isTokenBenefit } from "./linkage-yield.js";
import { linkagesByTownship, servedIn, townshipName } from "./queries.js";

/**
 * 挡箭牌 ("找个农业经营主体挂个'挡箭牌'，名义上安插几户贫困户，缺乏必要的帮扶和指导服务"): an
 * entity whose linked households of the year in a township all got nothing or a token through it
 * (less than the mode should yield) and none of whom any technical service listed. Judged per
 * township of the households (`linkagesByTownship`): the households placed in the entity's name are
 * each township's, and the township's ledger finds the same as the county's. Severity high: the
 * households are in the entity's name only.
 */
export const entityShield: FindingDetector = {
  code: "ENTITY.SHIELD",
  severity: "high",
  subjectType: "entity",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const [entityId, linkages] of ctx.index.linkagesByEntity) {
      if (!ctx.index.entities.has(entityId)) continue;
      const inForce = linkages.filter((l) => linkageCoversYear(l, ctx.year));
      for (const [township, current] of linkagesByTownship(ctx, inForce)) {
        const helped = current.some((l) => {
          if (servedIn(ctx, l.householdId, ctx.year)) return true;
          const y = linkageYearOf(ctx.index, l.id, ctx.year);
          return y !== undefined && y.receivedFen > 0 && !isTokenBenefit(ctx.policy, l, y);
        });
        if (helped) continue;
        const households = new Set(current.map((l) => l.householdId)).size;
        const name = townshipName(ctx, township);
        findings.push(
          makeFinding(this, ctx, {
            regionCode: township,
            subjectId: entityId,
            evidence: current.map((l) => l.id),
            zh: `${labels.entity(ctx, entityId)}${ctx.year}年名义上联结${name}${households}户，但无一户获得应有收益（无收益或仅象征性收益），也无技术服务（挂“挡箭牌”）`,
            en: `${labels.entityEn(ctx, entityId)} nominally links ${households} household(s) of ${name} in ${ctx.year}; none received more than a token through it or any technical service (a "shield")`,
          }),
        );
      }
    }
    return findings;
  },
};
