import { isoOfDay } from "./days.js";
import { CATALOGUE, industryId } from "./dayu.js";
import { covers } from "./linkages.js";
import { sample } from "./rng.js";
import type { HouseholdState } from "./world.js";
import { dayIn, keepUnserved, plant, plantCount, type World } from "./world.js";

/** Whether a household keeps an industry (has a household-industry record) in `year`. */
export function keepsIndustry(h: HouseholdState, year: number): boolean {
  return h.tracks.some((t) => t.start <= year && year <= t.end);
}

/**
 * Writes subsidies and awards (奖补) only to households that keep an industry in the year and the
 * next, and plants SUBSIDY.PEPPER_SPRAY: a small subsidy to a household with no linkage, no service
 * and no industry in `Y` (one that takes up an industry in `Y+1`, so it is not also subsidise-and-forget).
 */
export function buildSubsidies(w: World): void {
  const rng = w.rng("subsidies");
  const { cfg } = w;
  for (const h of w.households) {
    for (const year of cfg.years) {
      if (!keepsIndustry(h, year) || (year < cfg.ref && !keepsIndustry(h, year + 1)) || !rng.chance(0.25))
        continue;
      const track = rng.pick(h.tracks.filter((t) => t.start <= year && year <= t.end));
      const award = rng.chance(0.3);
      w.subsidies.push({
        id: `sub-${h.record.id}-${year}`,
        householdId: h.record.id,
        date: isoOfDay(dayIn(rng, cfg, year)),
        kind: award ? "award" : "subsidy",
        amountFen: rng.int(5, 60) * 10_000,
        industryId: industryId(track.industry),
        fundId: `fund-${year}-county`,
        purpose: `${CATALOGUE[track.industry]!.name}${award ? "产业奖补" : "产业发展补贴"}`,
      });
    }
  }
  const plantRng = w.rng("plant-pepper-spray");
  for (const year of cfg.years) {
    const eligible = w.households.filter(
      (h) =>
        !keepsIndustry(h, year) &&
        (year === cfg.ref || keepsIndustry(h, year + 1)) &&
        !h.linkages.some((k) => covers(w.linkages[k]!, year)),
    );
    for (const h of sample(
      plantRng,
      eligible,
      plantCount(cfg.rates["SUBSIDY.PEPPER_SPRAY"], eligible.length),
    )) {
      const id = `sub-${h.record.id}-${year}-small`;
      w.subsidies.push({
        id,
        householdId: h.record.id,
        date: isoOfDay(dayIn(plantRng, cfg, year)),
        kind: "subsidy",
        amountFen: plantRng.int(1, 9) * 10_000,
        industryId: null,
        fundId: `fund-${year}-county`,
        purpose: "产业扶持补贴",
      });
      keepUnserved(w, year, h.index);
      plant(w, "SUBSIDY.PEPPER_SPRAY", year, h.record.id, [id]);
    }
  }
}

/** Writes the technical service team's (技术服务小分队) visits and trainings, listing households that keep an industry. */
export function buildServices(w: World): void {
  const rng = w.rng("services");
  const { cfg } = w;
  for (const t of w.townships) {
    for (const year of cfg.years) {
      const unserved = w.unserved.get(year);
      const candidates = t.households.filter(
        (i) => keepsIndustry(w.households[i]!, year) && !(unserved?.has(i) ?? false),
      );
      const count = Math.max(2, Math.round(t.households.length / 60));
      for (let k = 0; k < count; k++) {
        const industry = rng.pick(t.rotation);
        const visit = rng.chance(0.7);
        const listed = new Set<string>();
        const wanted = Math.min(candidates.length, rng.int(5, 25));
        for (let tries = 0; listed.size < wanted && tries < wanted * 3; tries++) {
          listed.add(w.households[rng.pick(candidates)]!.record.id);
        }
        const village = visit ? w.villages[rng.pick(t.villages)]!.code : t.code;
        w.services.push({
          id: `svc-${t.code}-${year}-${k + 1}`,
          kind: visit ? "visit" : "training",
          date: isoOfDay(dayIn(rng, cfg, year)),
          regionCode: village,
          industryId: industryId(industry),
          householdIds: [...listed],
          content: `${CATALOGUE[industry]!.topic}${visit ? "入户指导" : "集中培训"}`,
        });
      }
    }
  }
}
