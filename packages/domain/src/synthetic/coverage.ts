import { DEFAULT_POLICY } from "../assessment/policy.js";
import type { LinkageMode } from "../linkage/linkage.js";
import { addTrack } from "./industries.js";
import { ableHouseholds, addLinkage, covers, type ExitSet } from "./linkages.js";
import type { Rng } from "./rng.js";
import { sample } from "./rng.js";
import {
  type HouseholdState,
  plant,
  plantCount,
  rateIn,
  type World,
  wouldUncoverPoorVillage,
} from "./world.js";

const CODE = "INDUSTRY.HOUSEHOLD_NOT_COVERED";
const VILLAGE_CODE = "INDUSTRY.VILLAGE_NOT_COVERED";

/** Whether a household keeps an industry or has a linkage in `year` (projects come later and only add). */
function covered(w: World, h: HouseholdState, year: number): boolean {
  return (
    h.tracks.some((t) => t.start <= year && year <= t.end) ||
    h.linkages.some((k) => covers(w.linkages[k]!, year))
  );
}

/** The first year from `from` to the reference year in which the household is not covered, or null. */
function firstGap(w: World, h: HouseholdState, from: number): number | null {
  for (let year = from; year <= w.cfg.ref; year++) if (!covered(w, h, year)) return year;
  return null;
}

/** An entity that pays asset income or dividends to a household with no one able to work, from `start`, and never has a planted exit after. */
function incomeEntity(
  w: World,
  rng: Rng,
  h: HouseholdState,
  start: number,
  exits: ExitSet,
): { entity: number; mode: LinkageMode } | null {
  const safe = (e: number) => {
    const state = w.entities[e]!;
    if (state.established > start || h.linkages.some((k) => w.linkages[k]!.entity === e)) return false;
    for (let y = start; y <= w.cfg.ref; y++) if (exits.has(`${e}|${y}`)) return false;
    return true;
  };
  const coops = w.townships[h.township]!.localEntities.filter(
    (e) => w.entities[e]!.kind === "cooperative" && safe(e),
  );
  if (coops.length > 0)
    return { entity: rng.pick(coops), mode: rng.chance(0.6) ? "asset_income" : "equity_dividend" };
  const leading = w.entities.filter((e) => e.kind === "leading_enterprise" && safe(e.index));
  return leading.length > 0 ? { entity: rng.pick(leading).index, mode: "equity_dividend" } : null;
}

/** Covers a household from `start`: its own industry if someone can work (or no entity can take it), else asset income or dividends. */
function cover(w: World, rng: Rng, h: HouseholdState, start: number, able: boolean, exits: ExitSet): void {
  const income = able ? null : incomeEntity(w, rng, h, start, exits);
  if (income) {
    addLinkage(w, income.entity, h.index, income.mode, start, false);
    return;
  }
  // Never the product of an entity the household is assigned to by force (that would hide 拉郎配).
  const forced = new Set(
    h.linkages.filter((k) => w.linkages[k]!.forced).map((k) => w.entities[w.linkages[k]!.entity]!.industry),
  );
  const village = w.villages[h.village]!;
  const choices = [...village.plans.map((p) => p.industry), ...w.townships[h.township]!.rotation].filter(
    (i) => !forced.has(i),
  );
  const track = addTrack(w, h, rng.pick(choices), start);
  track.end = w.cfg.ref;
}

/**
 * Covers every household (覆盖底数) over the window, as a county does by the campaign: a household not
 * kept covered by its own industry or a linkage gets its village's industry if someone can work, or
 * asset income or dividends from a cooperative (a leading enterprise's dividends if none) if no one
 * can — the healthy look-alike of an uncovered household.
 */
export function buildCoverage(w: World): void {
  const rng = w.rng("coverage");
  const able = ableHouseholds(w);
  for (const h of w.households) {
    const from = Math.max(w.cfg.y0, h.record.registeredYear);
    if (firstGap(w, h, from) !== null) cover(w, rng, h, from, able.has(h.record.id), new Set());
  }
}

/** Covers again the households whose linkage ended (year-two exits): from the year after. */
export function coverLeavers(w: World, exits: ExitSet): void {
  const rng = w.rng("coverage-leavers");
  const able = ableHouseholds(w);
  for (const h of w.households) {
    const gap = firstGap(w, h, Math.max(w.cfg.y0, h.record.registeredYear));
    if (gap !== null) cover(w, rng, h, gap, able.has(h.record.id), exits);
  }
}

/**
 * Plants INDUSTRY.HOUSEHOLD_NOT_COVERED: a household with no linkage that kept its industries to
 * `Y-1` drops them all from `Y` and is given nothing else (no linkage, no project) until it takes up
 * a new industry in `Y+2`: uncovered in `Y` and `Y+1`. The households of 一补了之
 * (SUPPORT.SUBSIDISE_AND_FORGET) are left so too (implied), and those of the poor villages planted
 * uncovered (`plantUncoveredVillages`).
 */
export function plantUncovered(w: World): void {
  const rng = w.rng("plant-uncovered");
  const { cfg } = w;
  for (const p of w.planted)
    if (p.code === "SUPPORT.SUBSIDISE_AND_FORGET") {
      const h = w.households.find((x) => x.record.id === p.subjectId)!;
      w.uncoveredFrom.set(h.index, Math.min(w.uncoveredFrom.get(h.index) ?? p.year, p.year));
    }
  for (const year of cfg.years.slice(1)) {
    const eligible = w.households.filter((h) => canUncover(w, h, year) && !wouldUncoverPoorVillage(w, h));
    for (const h of sample(rng, eligible, plantCount(rateIn(cfg, CODE, year), eligible.length))) {
      if (wouldUncoverPoorVillage(w, h)) continue;
      for (const t of h.tracks) t.end = year - 1;
      w.uncoveredFrom.set(h.index, year);
    }
  }
  // Found in the 底数 and reached two years later: a new industry of the village from `Y+2`.
  for (const [index, from] of w.uncoveredFrom) {
    const h = w.households[index]!;
    const kept = new Set(h.tracks.map((t) => t.industry));
    const choices = [
      ...w.villages[h.village]!.plans.map((p) => p.industry),
      ...w.townships[h.township]!.rotation,
    ];
    const fresh = choices.filter((i) => !kept.has(i));
    if (from + 2 <= cfg.ref && fresh.length > 0) addTrack(w, h, rng.pick(fresh), from + 2);
  }
}

/** Reports each uncovered household for every year from the one it was left uncovered. */
export function reportUncovered(w: World): void {
  for (const [index, from] of [...w.uncoveredFrom].sort((a, b) => a[0] - b[0])) {
    const h = w.households[index]!;
    for (let year = from; year <= w.cfg.ref; year++)
      if (!covered(w, h, year)) plant(w, CODE, year, h.record.id, [h.record.id]);
  }
}

/** Whether a household may be left uncovered from `year`: no linkage ever, its industries kept from `year-1` on. */
function canUncover(w: World, h: HouseholdState, year: number): boolean {
  return (
    !w.uncoveredFrom.has(h.index) &&
    h.linkages.length === 0 &&
    h.tracks.length > 0 &&
    h.tracks.every((t) => t.start <= year - 1 && t.end >= year)
  );
}

/**
 * Plants INDUSTRY.VILLAGE_NOT_COVERED: a poor village where the households that can be left uncovered
 * (no linkage, their industries kept from `Y-1`) are more than `1 - poorVillageCoveredShareMin` of
 * its registered households in `Y` and `Y+1` drops them all from `Y` (each also
 * INDUSTRY.HOUSEHOLD_NOT_COVERED, implied), and no project is ever sited in it: uncovered in `Y` and
 * `Y+1`, its linked households notwithstanding, until its households take up a new industry in `Y+2`.
 * Planted before 一补了之 and the single households (whose plants then keep clear of these villages),
 * from the reference year back: such villages are a handful, each found in every year once its
 * households have kept an industry a year, and a twelve-year window would use them all up in its
 * first years, leaving the years a county reads now without one; earlier years take what is left.
 */
export function plantUncoveredVillages(w: World): void {
  const rng = w.rng("plant-uncovered-villages");
  const { cfg } = w;
  const shareMin = DEFAULT_POLICY.poorVillageCoveredShareMin;
  for (const year of cfg.years.slice(1).reverse()) {
    const candidates = new Map<number, HouseholdState[]>();
    for (const v of w.villages) {
      if (!v.poor || w.uncoveredVillages.has(v.index) || v.households.length === 0) continue;
      const households = v.households.map((i) => w.households[i]!);
      const leave = households.filter((h) => canUncover(w, h, year));
      // The households left are registered by `Y-1` (they kept an industry then): those covered are the rest.
      const covered = (y: number) =>
        households.filter((h) => h.record.registeredYear <= y).length - leave.length;
      const registered = (y: number) => households.filter((h) => h.record.registeredYear <= y).length;
      const last = Math.min(year + 1, cfg.ref);
      if (covered(year) < shareMin * registered(year) && covered(last) < shareMin * registered(last))
        candidates.set(v.index, leave);
    }
    const n = plantCount(rateIn(cfg, VILLAGE_CODE, year), candidates.size);
    for (const v of sample(rng, [...candidates.keys()], n)) {
      w.uncoveredVillages.set(v, year);
      for (const h of candidates.get(v)!) {
        for (const t of h.tracks) t.end = year - 1;
        w.uncoveredFrom.set(h.index, year);
      }
    }
  }
}

/** Reports each poor village planted uncovered for every year from its plant in which it is not covered (no project is sited in it). */
export function reportUncoveredVillages(w: World): void {
  const shareMin = DEFAULT_POLICY.poorVillageCoveredShareMin;
  const beneficiaries = (year: number) =>
    new Set(w.projects.filter((p) => p.year <= year).flatMap((p) => p.beneficiaryHouseholdIds));
  for (const [index, from] of [...w.uncoveredVillages].sort((a, b) => a[0] - b[0])) {
    const v = w.villages[index]!;
    for (let year = from; year <= w.cfg.ref; year++) {
      const inProject = beneficiaries(year);
      const registered = v.households
        .map((i) => w.households[i]!)
        .filter((h) => h.record.registeredYear <= year);
      const uncovered = registered.filter((h) => !covered(w, h, year) && !inProject.has(h.record.id));
      if (registered.length - uncovered.length < shareMin * registered.length)
        plant(
          w,
          VILLAGE_CODE,
          year,
          v.code,
          uncovered.map((h) => h.record.id),
        );
    }
  }
}
