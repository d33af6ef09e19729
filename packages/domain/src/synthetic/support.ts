import { DEFAULT_POLICY } from "../assessment/policy.js";
import type { HouseholdIndustry } from "../industries/industry.js";
import { isoOfDay } from "./days.js";
import { CATALOGUE, industryId } from "./dayu.js";
import { covers } from "./linkages.js";
import { sample } from "./rng.js";
import type { HouseholdState } from "./world.js";
import { dayIn, keepUnserved, plant, plantCount, rateIn, type World } from "./world.js";

/** Whether a household keeps an industry (has a household-industry record) in `year`. */
export function keepsIndustry(h: HouseholdState, year: number): boolean {
  return h.tracks.some((t) => t.start <= year && year <= t.end);
}

/**
 * Writes subsidies and awards (奖补) only to households that keep an industry in the year and the
 * next, 500 to 6,000 yuan, and plants SUBSIDY.PEPPER_SPRAY per township and year: that year the
 * township's subsidy money goes in small sums (100 to 900 yuan) to households with no linkage they
 * take part in and no technical service (its regular subsidies are not paid that year).
 */
export function buildSubsidies(w: World): void {
  const rng = w.rng("subsidies");
  const plantRng = w.rng("plant-pepper-spray");
  const { cfg } = w;
  const peppered = new Set<string>();
  for (const year of cfg.years) {
    const rate = rateIn(cfg, "SUBSIDY.PEPPER_SPRAY", year);
    for (const t of sample(plantRng, w.townships, plantCount(rate, w.townships.length)))
      peppered.add(`${t.index}|${year}`);
  }
  for (const h of w.households) {
    for (const year of cfg.years) {
      if (!keepsIndustry(h, year) || (year < cfg.ref && !keepsIndustry(h, year + 1)) || !rng.chance(0.25))
        continue;
      const track = rng.pick(h.tracks.filter((t) => t.start <= year && year <= t.end));
      const award = rng.chance(0.3);
      // Small sums only to households taking part in a linkage (the look-alike of 撒胡椒面); others get
      // at least 1,000 yuan, exactly the small-subsidy line at the least.
      const tookPart = h.linkages.some((k) => w.linkages[k]!.years[year - cfg.y0]?.tookPart === true);
      const amountFen = Math.max(rng.int(5, 60) * 10_000, tookPart ? 0 : DEFAULT_POLICY.smallSubsidyFen);
      if (peppered.has(`${h.township}|${year}`)) continue;
      w.subsidies.push({
        id: `sub-${h.record.id}-${year}`,
        householdId: h.record.id,
        date: isoOfDay(dayIn(rng, cfg, year)),
        kind: award ? "award" : "subsidy",
        amountFen,
        industryId: industryId(track.industry),
        fundId: `fund-${year}-county`,
        purpose: `${CATALOGUE[track.industry]!.name}${award ? "产业奖补" : "产业发展补贴"}`,
      });
    }
  }
  // The township's other subsidy money of each year, summed once (not once per peppered township-year).
  const townshipOf = new Map(w.households.map((h) => [h.record.id, h.township]));
  const otherMoney = new Map<string, number>();
  for (const s of w.subsidies) {
    const key = `${townshipOf.get(s.householdId)}|${Number(s.date.slice(0, 4))}`;
    if (peppered.has(key)) otherMoney.set(key, (otherMoney.get(key) ?? 0) + s.amountFen);
  }
  for (const key of [...peppered].sort()) {
    const [township, year] = key.split("|").map(Number) as [number, number];
    const t = w.townships[township]!;
    const eligible = t.households
      .map((i) => w.households[i]!)
      .filter(
        (h) =>
          h.record.registeredYear <= year &&
          (year === cfg.ref || keepsIndustry(h, year + 1)) &&
          !h.linkages.some((k) => covers(w.linkages[k]!, year)),
      );
    const chosen = sample(plantRng, eligible, Math.min(eligible.length, plantRng.int(3, 12)));
    if (chosen.length === 0) continue;
    const other = otherMoney.get(key) ?? 0;
    let small = 0;
    const ids: string[] = [];
    // Small sums until they are at least 40% of the township's subsidy money that year.
    for (let k = 0; k < chosen.length || small < 0.4 * (small + other); k++) {
      const h = chosen[k % chosen.length]!;
      const id = `sub-${h.record.id}-${year}-small${k < chosen.length ? "" : `-${k}`}`;
      const amountFen = plantRng.int(1, 9) * 10_000;
      w.subsidies.push({
        id,
        householdId: h.record.id,
        date: isoOfDay(dayIn(plantRng, cfg, year)),
        kind: "subsidy",
        amountFen,
        industryId: null,
        fundId: `fund-${year}-county`,
        purpose: "产业扶持补贴",
      });
      keepUnserved(w, year, h.index);
      small += amountFen;
      ids.push(id);
    }
    plant(w, "SUBSIDY.PEPPER_SPRAY", year, t.code, ids);
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

/** The failing industries planted in a year (OUTCOME.LOW_SURVIVAL) that no service reached, by village and industry. */
function unservedFailures(
  w: World,
  year: number,
  byId: ReadonlyMap<string, HouseholdIndustry>,
  villageOf: ReadonlyMap<string, string>,
) {
  const services = w.services.filter((s) => s.date.startsWith(`${year}-`));
  const listed = new Set(services.flatMap((s) => s.householdIds));
  const visited = new Set(services.map((s) => `${s.regionCode}|${s.industryId}`));
  const groups = new Map<string, HouseholdIndustry[]>();
  for (const p of w.planted) {
    if (p.code !== "OUTCOME.LOW_SURVIVAL" || p.year !== year || listed.has(p.subjectId)) continue;
    const village = villageOf.get(p.subjectId)!;
    for (const id of p.recordIds) {
      const r = byId.get(id)!;
      const key = `${village}|${r.industryId}`;
      if (r.unitsSurvived * 2 >= r.unitsStarted || visited.has(key)) continue;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  return groups;
}

/**
 * OUTCOME.FAILING_WITHOUT_SERVICE: of the failing industries planted (OUTCOME.LOW_SURVIVAL) that no
 * service of the year reached, those of some villages and industries are left so and reported; the
 * team visits the others' villages on that industry (a failing industry with a service behind it is
 * the look-alike).
 */
export function plantFailingWithoutService(w: World, records: readonly HouseholdIndustry[]): void {
  const rng = w.rng("plant-unserved-failures");
  const byId = new Map(records.map((r) => [r.id, r]));
  const villageOf = new Map(w.households.map((h) => [h.record.id, h.record.villageCode]));
  const rate = w.cfg.rates["OUTCOME.FAILING_WITHOUT_SERVICE"];
  for (const year of w.cfg.years) {
    const groups = [...unservedFailures(w, year, byId, villageOf)];
    const left = new Set(sample(rng, groups, plantCount(rate, groups.length)));
    for (const group of groups) {
      const [key, failing] = group;
      if (left.has(group)) {
        for (const r of failing) plant(w, "OUTCOME.FAILING_WITHOUT_SERVICE", year, r.householdId, [r.id]);
        continue;
      }
      const [village, industry] = key.split("|") as [string, string];
      w.services.push({
        id: `svc-follow-${failing[0]!.id}`,
        kind: "visit",
        date: isoOfDay(dayIn(rng, w.cfg, year)),
        regionCode: village,
        industryId: industry,
        householdIds: [],
        content: "成活率偏低，上门查找原因并指导",
      });
    }
  }
}
