import {
  COUNTABLE_OUTCOME_UNITS,
  type HouseholdIndustry,
  type VillageIndustry,
} from "../industries/industry.js";
import { isoOfDay as isoDay } from "./days.js";
import { BEEKEEPING, CATALOGUE, industryId, NAVEL_ORANGE } from "./dayu.js";
import { sample } from "./rng.js";
import {
  dayIn,
  type HouseholdState,
  keepUnserved,
  type Mutable,
  plant,
  plantCount,
  rateIn,
  type Track,
  type World,
  wouldUncoverPoorVillage,
} from "./world.js";

/** Adds the industry catalogue (脐橙, 蔬菜, 养蜂 …). */
export function buildCatalogue(w: World): void {
  for (let i = 0; i < CATALOGUE.length; i++) {
    const c = CATALOGUE[i]!;
    w.industries.push({
      id: industryId(i),
      code: c.code,
      name: c.name,
      category: c.category,
      outcomeUnit: c.unit,
    });
  }
}

/**
 * Gives each village one or two industries from its township's rotation, so no industry is chosen by
 * more than two thirds of a township's villages; an industry is trial-planted in its first year and
 * scaled up afterwards (a few are never trialled and never scaled up).
 */
export function planVillageIndustries(w: World): void {
  const rng = w.rng("village-industries");
  const { cfg } = w;
  for (const t of w.townships) {
    let k = 0;
    for (const v of t.villages) {
      const village = w.villages[v]!;
      if (!rng.chance(village.residents ? 0.3 : 0.92)) continue;
      const rotation = t.rotation;
      const chosen = [rotation[k % rotation.length]!];
      if (rng.chance(0.35)) {
        const second = rotation[(k + 2) % rotation.length]!;
        if (second !== chosen[0]) chosen.push(second);
      }
      k++;
      for (const industry of chosen) {
        const start = rng.chance(0.8) ? cfg.y0 - rng.int(1, 4) : cfg.y0 + rng.int(0, 5);
        village.plans.push({ industry, start, untried: rng.chance(0.08), scale: rng.int(50, 600) });
      }
    }
  }
}

/** Writes the village industries of every year from the plans. */
export function buildVillageIndustries(w: World): void {
  const { cfg } = w;
  for (const village of w.villages) {
    for (const p of village.plans) {
      for (let year = Math.max(cfg.y0, p.start); year <= cfg.ref; year++) {
        const record: Mutable<VillageIndustry> = {
          id: `vi-${village.code}-${CATALOGUE[p.industry]!.code}-${year}`,
          villageCode: village.code,
          industryId: industryId(p.industry),
          year,
          trialStatus: "none",
          trialYear: null,
          scaledUp: false,
          scale: Math.round(p.scale * (1 + 0.08 * (year - cfg.y0))),
        };
        if (!p.untried) {
          record.trialStatus = year === p.start ? "trialling" : "trialled";
          record.trialYear = p.start;
          record.scaledUp = year > p.start;
        }
        w.villageIndustries.push(record);
      }
    }
  }
}

/**
 * Plants INDUSTRY.HOMOGENISATION (every village of a township with an industry takes up navel orange
 * in a year) and INDUSTRY.SCALE_UP_WITHOUT_TRIAL (a village scales up an industry from outside its
 * township's rotation, never trialled; each such industry once per township and year, so the share
 * rule is not tripped).
 */
export function plantVillageIndustries(w: World): void {
  const rng = w.rng("plant-village-industries");
  const { cfg } = w;
  const byVillageYear = new Map<string, Mutable<VillageIndustry>[]>();
  for (const vi of w.villageIndustries) {
    const key = `${vi.villageCode}|${vi.year}`;
    const list = byVillageYear.get(key);
    if (list) list.push(vi);
    else byVillageYear.set(key, [vi]);
  }
  const rateH = cfg.rates["INDUSTRY.HOMOGENISATION"];
  for (const year of cfg.years) {
    const eligible = w.townships.filter(
      (t) => t.villages.filter((v) => byVillageYear.has(`${w.villages[v]!.code}|${year}`)).length >= 3,
    );
    for (const t of sample(rng, eligible, plantCount(rateH, eligible.length))) {
      const ids: string[] = [];
      for (const v of t.villages) {
        const village = w.villages[v]!;
        const list = byVillageYear.get(`${village.code}|${year}`);
        if (!list) continue;
        let orange = list.find((vi) => vi.industryId === industryId(NAVEL_ORANGE));
        if (!orange) {
          orange = {
            id: `vi-${village.code}-${CATALOGUE[NAVEL_ORANGE]!.code}-${year}`,
            villageCode: village.code,
            industryId: industryId(NAVEL_ORANGE),
            year,
            trialStatus: "trialled",
            trialYear: year - 1,
            scaledUp: true,
            scale: rng.int(200, 900),
          };
          list.push(orange);
          w.villageIndustries.push(orange);
        }
        ids.push(orange.id);
      }
      plant(w, "INDUSTRY.HOMOGENISATION", year, t.code, ids);
    }
    const villages = w.villages.filter((v) => byVillageYear.has(`${v.code}|${year}`));
    const usedOutside = new Map<number, number>();
    for (const village of sample(
      rng,
      villages,
      plantCount(rateIn(cfg, "INDUSTRY.SCALE_UP_WITHOUT_TRIAL", year), villages.length),
    )) {
      const t = w.townships[village.township]!;
      const list = byVillageYear.get(`${village.code}|${year}`)!;
      const outside = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter(
        (i) =>
          !t.rotation.includes(i) &&
          i !== NAVEL_ORANGE &&
          !list.some((vi) => vi.industryId === industryId(i)),
      );
      const used = usedOutside.get(t.index) ?? 0;
      const industry = outside[used % outside.length];
      if (industry === undefined || used >= outside.length) continue;
      usedOutside.set(t.index, used + 1);
      const record: Mutable<VillageIndustry> = {
        id: `vi-${village.code}-${CATALOGUE[industry]!.code}-${year}`,
        villageCode: village.code,
        industryId: industryId(industry),
        year,
        trialStatus: "none",
        trialYear: null,
        scaledUp: true,
        scale: rng.int(300, 1200),
      };
      list.push(record);
      w.villageIndustries.push(record);
      plant(w, "INDUSTRY.SCALE_UP_WITHOUT_TRIAL", year, village.code, [record.id]);
    }
    usedOutside.clear();
  }
}

/** Adds (or extends back) a household's track of an industry from `start` (never before its registration) to the reference year. */
export function addTrack(w: World, h: HouseholdState, industry: number, from: number): Track {
  const rng = w.rng(`track-${h.index}-${industry}`);
  const start = Math.max(from, h.record.registeredYear);
  const existing = h.tracks.find((t) => t.industry === industry);
  if (existing) {
    existing.start = Math.min(existing.start, start);
    return existing;
  }
  const c = CATALOGUE[industry]!;
  const track: Track = {
    industry,
    start,
    end: w.cfg.ref,
    base: rng.int(c.minUnits, c.maxUnits),
    debt0: rng.chance(0.4) ? rng.int(50, 500) * 10_000 : 0,
    records: [],
  };
  h.tracks.push(track);
  return track;
}

/** Gives about 55% of households an industry of their own (mostly their village's), some a second one. */
export function buildOwnTracks(w: World): void {
  const rng = w.rng("own-tracks");
  const { cfg } = w;
  for (const h of w.households) {
    if (!rng.chance(0.55)) continue;
    const village = w.villages[h.village]!;
    const rotation = w.townships[h.township]!.rotation;
    const first =
      village.plans.length > 0 && rng.chance(0.8) ? rng.pick(village.plans).industry : rng.pick(rotation);
    addTrack(w, h, first, rng.chance(0.6) ? cfg.y0 : cfg.y0 + rng.int(1, 5));
    if (rng.chance(0.12)) {
      const second = rng.pick(rotation);
      if (second !== first) addTrack(w, h, second, cfg.y0 + rng.int(0, 4));
    }
  }
}

/**
 * Plants SUPPORT.SUBSIDISE_AND_FORGET: a household with no linkage that kept an industry in `Y-1`
 * gets a subsidy in `Y-1` and drops every industry from `Y` on (一补了之).
 */
export function plantSubsidiseAndForget(w: World): void {
  const rng = w.rng("plant-subsidise-and-forget");
  const { cfg } = w;
  for (const year of cfg.years.slice(1)) {
    const eligible = w.households.filter(
      (h) =>
        h.linkages.length === 0 &&
        h.tracks.length > 0 &&
        h.tracks.every((t) => t.start <= year - 1 && t.end >= year) &&
        !wouldUncoverPoorVillage(w, h),
    );
    for (const h of sample(
      rng,
      eligible,
      plantCount(rateIn(cfg, "SUPPORT.SUBSIDISE_AND_FORGET", year), eligible.length),
    )) {
      if (wouldUncoverPoorVillage(w, h)) continue;
      for (const t of h.tracks) t.end = year - 1;
      // Left with no industry from `year` (覆盖底数, implied): counted before the next plant.
      w.uncoveredFrom.set(h.index, year);
      keepUnserved(w, year - 1, h.index);
      const industry = h.tracks[0]!.industry;
      const id = `sub-${h.record.id}-${year - 1}-forget`;
      w.subsidies.push({
        id,
        householdId: h.record.id,
        date: isoDay(dayIn(rng, cfg, year - 1, 3, 10)),
        kind: "subsidy",
        amountFen: rng.int(10, 50) * 10_000,
        industryId: industryId(industry),
        fundId: `fund-${year - 1}-county`,
        purpose: `${CATALOGUE[industry]!.name}产业发展补贴`,
      });
      plant(w, "SUPPORT.SUBSIDISE_AND_FORGET", year, h.record.id, [id]);
    }
  }
}

/**
 * Writes one household-industry record per track and year; units survive at 65% or more, and debt
 * shrinks except for a loan to expand a thriving industry in one year of some tracks (the healthy
 * look-alike of 新增债务).
 */
export function buildHouseholdIndustries(w: World): Mutable<HouseholdIndustry>[] {
  const { cfg } = w;
  const out: Mutable<HouseholdIndustry>[] = [];
  const rng = w.rng("household-industries");
  for (const h of w.households) {
    for (const t of h.tracks) {
      const repay = Math.round(t.debt0 * (0.1 + rng.next() * 0.25));
      const loanYear = t.end > t.start && rng.chance(0.15) ? rng.int(t.start + 1, t.end) : null;
      const loan = rng.int(100, 500) * 10_000;
      let debt = t.debt0;
      for (let year = t.start; year <= t.end; year++) {
        const k = year - t.start;
        if (year === loanYear) debt += loan;
        const started = Math.max(2, Math.round(t.base * (1 + 0.06 * k)));
        const lost = Math.floor(started * rng.next() * 0.35);
        const record: Mutable<HouseholdIndustry> = {
          id: `hi-${h.record.id}-${CATALOGUE[t.industry]!.code}-${year}`,
          householdId: h.record.id,
          industryId: industryId(t.industry),
          year,
          unitsStarted: started,
          unitsSurvived: started - lost,
          debtFen: debt,
        };
        t.records[year - cfg.y0] = record;
        out.push(record);
        debt = Math.max(0, debt - repay);
      }
    }
  }
  return out;
}

/**
 * Plants OUTCOME.LOW_SURVIVAL (30% or fewer units survive, beekeeping first, never in a year the
 * household borrowed) and OUTCOME.DEBT_GROWTH (debt above last year's while 30% or fewer survive:
 * it implies OUTCOME.LOW_SURVIVAL, reported too).
 */
export function plantOutcomes(w: World): void {
  const rng = w.rng("plant-outcomes");
  const { cfg } = w;
  for (const year of cfg.years) {
    const i = year - cfg.y0;
    // Survival is judged only where the outcome counts living units (colonies, birds, livestock).
    const counted = (t: Track) => COUNTABLE_OUTCOME_UNITS.includes(CATALOGUE[t.industry]!.unit);
    const withRecord = w.households.filter((h) =>
      h.tracks.some((t) => counted(t) && t.records[i] !== undefined),
    );
    for (const h of sample(
      rng,
      withRecord,
      plantCount(cfg.rates["OUTCOME.LOW_SURVIVAL"], withRecord.length),
    )) {
      const borrowed = (t: Track) => (t.records[i - 1]?.debtFen ?? Infinity) < t.records[i]!.debtFen;
      const tracks = h.tracks.filter((t) => counted(t) && t.records[i] !== undefined && !borrowed(t));
      if (tracks.length === 0) continue;
      const track = tracks.find((t) => t.industry === BEEKEEPING) ?? tracks[0]!;
      const record = track.records[i]!;
      record.unitsSurvived = Math.floor(record.unitsStarted * 0.3);
      plant(w, "OUTCOME.LOW_SURVIVAL", year, h.record.id, [record.id]);
    }
    if (year === cfg.y0) continue;
    const withTwo = w.households.filter((h) =>
      h.tracks.some((t) => counted(t) && t.records[i] !== undefined && t.records[i - 1] !== undefined),
    );
    for (const h of sample(rng, withTwo, plantCount(cfg.rates["OUTCOME.DEBT_GROWTH"], withTwo.length))) {
      const track = h.tracks.find(
        (t) => counted(t) && t.records[i] !== undefined && t.records[i - 1] !== undefined,
      )!;
      const before = track.records[i - 1]!;
      const record = track.records[i]!;
      record.debtFen = before.debtFen + rng.int(20, 200) * 10_000;
      record.unitsSurvived = Math.floor(record.unitsStarted * 0.3);
      plant(w, "OUTCOME.DEBT_GROWTH", year, h.record.id, [before.id, record.id]);
      const low = w.planted.find(
        (p) => p.code === "OUTCOME.LOW_SURVIVAL" && p.year === year && p.subjectId === h.record.id,
      );
      if (low && !low.recordIds.includes(record.id)) (low.recordIds as string[]).push(record.id);
      else if (low) continue;
      if (!low) plant(w, "OUTCOME.LOW_SURVIVAL", year, h.record.id, [record.id]);
    }
  }
}
