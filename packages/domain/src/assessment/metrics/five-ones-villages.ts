import { NONE } from "../context.js";
import { countWhere, defineMetric } from "./metric.js";

/** 五个一 villages: villages of the region with an industry, an entity, a linkage, a fund and a service in the year. */
export const fiveOnesVillages = defineMetric("FIVE_ONES_VILLAGES", (s) => {
  const { ledger, index, year } = s.ctx;
  const codes = new Set(
    ledger.regions.filter((r) => r.level === "village" && r.code.startsWith(s.region)).map((v) => v.code),
  );
  const has = {
    industry: new Set<string>(),
    entity: new Set<string>(),
    linkage: new Set<string>(),
    fund: new Set<string>(),
    service: new Set<string>(),
  };
  for (const v of index.villageIndustriesByYear.get(year) ?? NONE) has.industry.add(v.villageCode);
  for (const h of ledger.households) {
    if (!codes.has(h.villageCode)) continue;
    if (s.linked(h.id)) has.entity.add(h.villageCode);
    if (s.tookPart.has(h.id)) has.linkage.add(h.villageCode);
    if (s.subsidised.has(h.id)) has.fund.add(h.villageCode);
    if (s.served.has(h.id)) has.service.add(h.villageCode);
  }
  for (const p of s.projectsOfYear) {
    if (codes.has(p.regionCode)) has.fund.add(p.regionCode);
    for (const id of p.beneficiaryHouseholdIds) {
      const h = index.households.get(id);
      if (h) has.fund.add(h.villageCode);
    }
  }
  for (const sv of index.servicesByYear.get(year) ?? NONE) has.service.add(sv.regionCode);
  return {
    numerator: countWhere(codes, (code) => Object.values(has).every((set) => set.has(code))),
    denominator: codes.size,
  };
});
