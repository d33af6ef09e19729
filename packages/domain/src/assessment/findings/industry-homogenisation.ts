import type { VillageIndustry } from "../../industries/industry.js";
import { labels, NONE, push } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 同质化: at least the minimum number of a township's villages have an industry in the year, and one industry is chosen by at least the policy share of them. Severity medium. */
export const industryHomogenisation: FindingDetector = {
  code: "INDUSTRY.HOMOGENISATION",
  severity: "medium",
  subjectType: "township",
  detect(ctx) {
    // township → village → industries chosen by the village this year
    const byTownship = new Map<string, Map<string, VillageIndustry[]>>();
    for (const v of ctx.index.villageIndustriesByYear.get(ctx.year) ?? NONE) {
      const township = v.villageCode.slice(0, 9);
      let villages = byTownship.get(township);
      if (!villages) {
        villages = new Map();
        byTownship.set(township, villages);
      }
      push(villages, v.villageCode, v);
    }
    const findings: Finding[] = [];
    for (const [township, villages] of byTownship) {
      if (villages.size < ctx.policy.homogenisationMinVillages) continue;
      const perIndustry = new Map<string, VillageIndustry[]>();
      for (const records of villages.values()) {
        const seen = new Set<string>();
        for (const r of records) {
          if (seen.has(r.industryId)) continue;
          seen.add(r.industryId);
          push(perIndustry, r.industryId, r);
        }
      }
      let top: [string, VillageIndustry[]] | undefined;
      for (const entry of perIndustry) {
        if (
          !top ||
          entry[1].length > top[1].length ||
          (entry[1].length === top[1].length && entry[0] < top[0])
        )
          top = entry;
      }
      if (!top || top[1].length / villages.size < ctx.policy.homogenisationShare) continue;
      const [industryId, records] = top;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: township,
          subjectId: township,
          evidence: records.map((r) => r.id),
          zh: `${labels.township(ctx, township)}${ctx.year}年有产业的${villages.size}个村中${records.length}个选择${labels.industry(ctx, industryId)}，产业同质化`,
          en: `In township ${township}, ${records.length} of the ${villages.size} villages with an industry in ${ctx.year} chose ${labels.industryEn(ctx, industryId)} (homogenisation)`,
        }),
      );
    }
    return findings;
  },
};
