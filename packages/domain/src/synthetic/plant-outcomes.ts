import { FINDING_SEVERITIES } from "../assessment/detect-findings.js";
import { DEFAULT_POLICY } from "../assessment/policy.js";
import {
  COUNTABLE_OUTCOME_UNITS,
  type HouseholdIndustry,
  type VillageIndustry,
} from "../industries/industry.js";
import type { Rectification } from "../rectification/rectification.js";
import { dayOf, isoOfDay } from "./days.js";
import { CATALOGUE, industryId } from "./dayu.js";
import { type Rng, sample } from "./rng.js";
import { type Mutable, type PlantedProblem, plant, plantCount, rateIn, type World } from "./world.js";

// The results behind the planted industry problems (同质化 and 盲目扩大规模 fire only where the one
// industry is failing), the settling of 一补了之 after the services are written, and the
// rectification items (整改事项) every error-level planted problem gets unless it is planted as
// RECTIFICATION.FINDING_WITHOUT_ITEM.

type Records = Mutable<HouseholdIndustry>[];

/** The household-industry records by `household|industry|year`, kept up to date as records are added. */
export function recordIndex(records: Records): Map<string, Mutable<HouseholdIndustry>> {
  return new Map(records.map((r) => [`${r.householdId}|${r.industryId}|${r.year}`, r]));
}

/** A household's record of a catalogue industry in a year. */
function industryRecord(
  householdId: string,
  industry: number,
  year: number,
  unitsStarted: number,
  unitsSurvived: number,
  debtFen: number,
): Mutable<HouseholdIndustry> {
  const id = `hi-${householdId}-${CATALOGUE[industry]!.code}-${year}`;
  return { id, householdId, industryId: industryId(industry), year, unitsStarted, unitsSurvived, debtFen };
}

/** Shrinks a record to half of last year's units or less, keeping its survival on the same side of the alert rate. */
function shrink(record: Mutable<HouseholdIndustry>, before: HouseholdIndustry): void {
  const started = Math.floor(before.unitsStarted * DEFAULT_POLICY.industryShrinkRate);
  const rate = record.unitsStarted > 0 ? record.unitsSurvived / record.unitsStarted : 1;
  record.unitsSurvived =
    rate < DEFAULT_POLICY.survivalAlertRate ? Math.floor(rate * started) : Math.ceil(rate * started);
  record.unitsStarted = started;
}

interface Tally {
  households: number;
  poor: number;
  /** This year's records of the households that kept the industry last year, to shrink. */
  readonly shrinking: [Mutable<HouseholdIndustry>, HouseholdIndustry][];
}

/** Counts the households of the industry and those that would do poorly once the kept records shrink (nothing is changed). */
function tallyKept(
  w: World,
  index: Map<string, Mutable<HouseholdIndustry>>,
  households: readonly number[],
  industryId: string,
  year: number,
): Tally {
  const tally: Tally = { households: 0, poor: 0, shrinking: [] };
  for (const i of households) {
    const id = w.households[i]!.record.id;
    const before = index.get(`${id}|${industryId}|${year - 1}`);
    const now = index.get(`${id}|${industryId}|${year}`);
    if (!before && !now) continue;
    tally.households++;
    if (before && before.unitsStarted >= 2 && now) tally.shrinking.push([now, before]);
    if (before && before.unitsStarted >= 2) tally.poor++;
  }
  return tally;
}

/** Adds a household's records of an industry: `year - 1` at full scale, `year` and after at half (a shrinking industry). */
function addShrinking(
  w: World,
  rng: Rng,
  records: Records,
  index: Map<string, Mutable<HouseholdIndustry>>,
  householdId: string,
  industry: number,
  year: number,
): void {
  const c = CATALOGUE[industry]!;
  const full = Math.max(2, rng.int(c.minUnits, c.maxUnits));
  for (let y = year - 1; y <= w.cfg.ref; y++) {
    const key = `${householdId}|${industryId(industry)}|${y}`;
    if (index.has(key)) break;
    const started = y < year ? full : Math.floor(full * DEFAULT_POLICY.industryShrinkRate);
    const record = industryRecord(householdId, industry, y, started, started - Math.floor(started * 0.2), 0);
    records.push(record);
    index.set(key, record);
  }
}

/** What the failing plants share: the records and their index, and the villages' industries already made to fail. */
interface Failing {
  readonly w: World;
  readonly rng: Rng;
  readonly records: Records;
  readonly index: Map<string, Mutable<HouseholdIndustry>>;
  /** `village|industryId|year` of every planted failure standing so far. */
  readonly failed: Set<string>;
}

/**
 * Makes an industry fail in some villages in `year`: the households that kept it last year and this
 * year keep half of last year's units or less, and households with no linkage and no industry
 * problem of their own take it up the year before and halve it, until at least
 * `failingIndustryMinHouseholds` households and `failingIndustryShare` of them have poor results.
 * Planned first and written only when it succeeds: a plant that cannot fail leaves no record changed
 * (a half-written one left the villages failing in a year the planted report did not list).
 */
function failIn(f: Failing, villages: readonly string[], industry: number, year: number): boolean {
  const { w, index } = f;
  const vi = industryId(industry);
  const households = w.villages.filter((v) => villages.includes(v.code)).flatMap((v) => v.households);
  const tally = tallyKept(w, index, households, vi, year);
  const P = DEFAULT_POLICY;
  const failing = () =>
    tally.poor >= P.failingIndustryMinHouseholds && tally.poor >= P.failingIndustryShare * tally.households;
  const takers: number[] = [];
  for (const i of freeTakers(f, households, industry, year)) {
    if (failing()) break;
    takers.push(i);
    tally.households++;
    tally.poor++;
  }
  if (!failing()) return false;
  for (const [now, before] of tally.shrinking) shrink(now, before);
  for (const i of takers)
    addShrinking(w, f.rng, f.records, index, w.households[i]!.record.id, industry, year);
  return true;
}

/**
 * The households of `households` free to take up an industry the year before `year`, in random order:
 * registered by then, with no 一补了之 or uncovered plant, not already keeping it, never buying its
 * produce through a linkage, and not in a village made to fail on it the year before (a newcomer
 * doing well there would lift that year's results); those with no linkage first.
 */
function freeTakers(f: Failing, households: readonly number[], industry: number, year: number): number[] {
  const { w, index } = f;
  const vi = industryId(industry);
  const forgotten = new Set(
    w.planted.filter((p) => p.code === "SUPPORT.SUBSIDISE_AND_FORGET").map((p) => p.subjectId),
  );
  const free = (linked: boolean) =>
    households.filter((i) => {
      const h = w.households[i]!;
      const id = h.record.id;
      const buys = h.linkages.some((k) => {
        const l = w.linkages[k]!;
        return l.mode === "order_purchase" && w.entities[l.entity]!.industry === industry;
      });
      return (
        h.linkages.length > 0 === linked &&
        h.record.registeredYear <= year - 1 &&
        !buys &&
        !forgotten.has(id) &&
        !w.uncoveredFrom.has(i) &&
        !f.failed.has(`${h.record.villageCode}|${vi}|${year - 1}`) &&
        !index.has(`${id}|${vi}|${year - 1}`) &&
        !index.has(`${id}|${vi}|${year}`)
      );
    });
  const unlinked = free(false);
  const linked = free(true);
  return [...sample(f.rng, unlinked, unlinked.length), ...sample(f.rng, linked, linked.length)];
}

/**
 * INDUSTRY.HOMOGENISATION and INDUSTRY.SCALE_UP_WITHOUT_TRIAL fire only where the industry fails:
 * for each planted one (earliest year first), the township's (or village's) households of that
 * industry shrink it to half or less that year.
 */
export function plantFailingResults(
  w: World,
  records: Records,
  index: Map<string, Mutable<HouseholdIndustry>>,
): void {
  const f: Failing = { w, rng: w.rng("plant-failing-results"), records, index, failed: new Set() };
  const vis = new Map(w.villageIndustries.map((v) => [v.id, v]));
  const planted = w.planted
    .filter((p) => p.code === "INDUSTRY.HOMOGENISATION" || p.code === "INDUSTRY.SCALE_UP_WITHOUT_TRIAL")
    .sort((a, b) => a.year - b.year);
  for (const p of planted) {
    const list = p.recordIds.map((id) => vis.get(id)!);
    const industry = CATALOGUE.findIndex((_, i) => industryId(i) === list[0]!.industryId);
    const villages = [...new Set(list.map((v) => v.villageCode))];
    // Too few households to fail: the problem is not planted (an untried scale-up counts as trialled),
    // unless the township's households already do poorly enough on their own (the records show it).
    const stands =
      failIn(f, villages, industry, p.year) ||
      (p.code === "INDUSTRY.HOMOGENISATION" && isFailingIn(w, index, villages, industry, p.year));
    if (stands) {
      for (const v of villages) f.failed.add(`${v}|${industryId(industry)}|${p.year}`);
      continue;
    }
    w.planted.splice(w.planted.indexOf(p), 1);
    if (p.code === "INDUSTRY.SCALE_UP_WITHOUT_TRIAL")
      for (const v of list) Object.assign(v, { trialStatus: "trialled", trialYear: p.year - 1 });
  }
}

/** Whether an industry fails in some villages in `year`, as the detectors judge it (no record is changed). */
function isFailingIn(
  w: World,
  index: ReadonlyMap<string, HouseholdIndustry>,
  villages: readonly string[],
  industry: number,
  year: number,
): boolean {
  const vi = industryId(industry);
  const countable = COUNTABLE_OUTCOME_UNITS.includes(CATALOGUE[industry]!.unit);
  let kept = 0;
  let poor = 0;
  for (const v of w.villages.filter((x) => villages.includes(x.code))) {
    for (const i of v.households) {
      const id = w.households[i]!.record.id;
      const before = index.get(`${id}|${vi}|${year - 1}`);
      const now = index.get(`${id}|${vi}|${year}`);
      if (!before && !now) continue;
      kept++;
      const had = before !== undefined && before.unitsStarted > 0;
      const low = now !== undefined && countable && now.unitsSurvived * 2 < now.unitsStarted;
      if (
        low ||
        (had && (!now || now.unitsStarted <= before.unitsStarted * DEFAULT_POLICY.industryShrinkRate))
      )
        poor++;
    }
  }
  return (
    kept >= DEFAULT_POLICY.failingIndustryMinHouseholds && poor >= DEFAULT_POLICY.failingIndustryShare * kept
  );
}

const villageIndustry = (
  village: string,
  industry: number,
  year: number,
  untried: boolean,
  scale: number,
) => ({
  id: `vi-${village}-${CATALOGUE[industry]!.code}-${year}`,
  villageCode: village,
  industryId: industryId(industry),
  year,
  trialStatus: untried ? ("none" as const) : ("trialled" as const),
  trialYear: untried ? null : year - 1,
  scaledUp: true,
  scale,
});

/** Which villages have an industry in a year and which industries a village ever had, kept up to date as records are added. */
interface VillageIndustryKeys {
  hasAny(village: string, year: number): boolean;
  hadIndustry(village: string, industryId: string): boolean;
  /** Adds a village industry unless one with its id is there. */
  add(record: Mutable<VillageIndustry>): void;
}

function villageIndustryKeys(w: World): VillageIndustryKeys {
  const ids = new Set<string>();
  const years = new Set<string>();
  const ever = new Set<string>();
  const see = (v: VillageIndustry) => {
    ids.add(v.id);
    years.add(`${v.villageCode}|${v.year}`);
    ever.add(`${v.villageCode}|${v.industryId}`);
  };
  for (const v of w.villageIndustries) see(v);
  return {
    hasAny: (village, year) => years.has(`${village}|${year}`),
    hadIndustry: (village, id) => ever.has(`${village}|${id}`),
    add(record) {
      if (ids.has(record.id)) return;
      w.villageIndustries.push(record);
      see(record);
    },
  };
}

/**
 * The healthy look-alike of 同质化 (一村一品 that works): each year one township where no problem is
 * planted has every village with an industry take up its first industry, whose households thrive
 * (it is dropped where they do not).
 */
function plantThrivingSpecialty(
  w: World,
  rng: Rng,
  index: ReadonlyMap<string, HouseholdIndustry>,
  vis: VillageIndustryKeys,
): void {
  for (const year of w.cfg.years) {
    const planted = new Set(
      w.planted
        .filter((p) => p.code === "INDUSTRY.HOMOGENISATION" && p.year === year)
        .map((p) => p.subjectId),
    );
    const villagesOf = (t: (typeof w.townships)[number]) =>
      t.villages.map((v) => w.villages[v]!.code).filter((code) => vis.hasAny(code, year));
    const eligible = w.townships.filter((t) => !planted.has(t.code) && villagesOf(t).length >= 3);
    if (eligible.length === 0) continue;
    const t = rng.pick(eligible);
    const industry = t.rotation[0]!;
    const villages = villagesOf(t);
    if (isFailingIn(w, index, villages, industry, year)) continue;
    for (const village of villages) {
      vis.add(villageIndustry(village, industry, year, false, rng.int(200, 900)));
    }
  }
}

/**
 * The healthy look-alike of 盲目扩大规模: each year one village scales up an industry from outside its
 * township's rotation without a trial, and the three households that keep it grow it, one of them on a
 * loan (新增债务 to expand a thriving industry).
 */
function plantThrivingScaleUp(
  w: World,
  rng: Rng,
  records: Records,
  index: Map<string, Mutable<HouseholdIndustry>>,
  vis: VillageIndustryKeys,
): void {
  const forgotten = new Set(
    w.planted.filter((p) => p.code === "SUPPORT.SUBSIDISE_AND_FORGET").map((p) => p.subjectId),
  );
  const outsideOf = (village: (typeof w.villages)[number]) =>
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find(
      (i) =>
        !w.townships[village.township]!.rotation.includes(i) && !vis.hadIndustry(village.code, industryId(i)),
    );
  // The last year each household keeps each industry (`household|industryId`), kept up to date below.
  const lastYear = new Map<string, number>();
  for (const r of index.values()) {
    const key = `${r.householdId}|${r.industryId}`;
    lastYear.set(key, Math.max(lastYear.get(key) ?? r.year, r.year));
  }
  const freeIn = (village: (typeof w.villages)[number], industry: number, year: number) =>
    village.households.filter((i) => {
      const h = w.households[i]!;
      return (
        h.linkages.length === 0 &&
        h.record.registeredYear <= year - 1 &&
        !forgotten.has(h.record.id) &&
        !w.uncoveredFrom.has(i) &&
        (lastYear.get(`${h.record.id}|${industryId(industry)}`) ?? -Infinity) < year - 1
      );
    });
  for (const year of w.cfg.years) {
    const candidates = w.villages.filter((v) => {
      const industry = outsideOf(v);
      return industry !== undefined && vis.hasAny(v.code, year) && freeIn(v, industry, year).length >= 3;
    });
    if (candidates.length === 0) continue;
    const village = rng.pick(candidates);
    const industry = outsideOf(village)!;
    const free = freeIn(village, industry, year);
    const c = CATALOGUE[industry]!;
    sample(rng, free, 3).forEach((i, k) => {
      const householdId = w.households[i]!.record.id;
      const base = Math.max(2, rng.int(c.minUnits, c.maxUnits));
      for (let y = year - 1; y <= w.cfg.ref; y++) {
        const started = Math.round(base * (1 + 0.5 * Math.max(0, y - year + 1)));
        const survived = started - Math.floor(started * 0.1);
        const debt = k === 0 && y >= year ? 5_000_000 : 0;
        const record = industryRecord(householdId, industry, y, started, survived, debt);
        records.push(record);
        index.set(`${householdId}|${record.industryId}|${y}`, record);
      }
      lastYear.set(`${householdId}|${industryId(industry)}`, w.cfg.ref);
    });
    vis.add(villageIndustry(village.code, industry, year, true, rng.int(300, 1200)));
  }
}

/** Writes the healthy look-alikes of the industry problems: a thriving 一村一品 township and a thriving untried scale-up each year. */
export function plantIndustryLookAlikes(
  w: World,
  records: Records,
  index: Map<string, Mutable<HouseholdIndustry>>,
): void {
  const rng = w.rng("industry-look-alikes");
  const vis = villageIndustryKeys(w);
  plantThrivingSpecialty(w, rng, index, vis);
  plantThrivingScaleUp(w, rng, records, index, vis);
}

/**
 * SUPPORT.SUBSIDISE_AND_FORGET after the services are written: where a service in the household's
 * village on the subsidised industry follows the subsidy, the subsidy names no industry (the team
 * reached the industry, not the household).
 */
export function settleSubsidiseAndForget(w: World): void {
  const villageOf = new Map(w.households.map((h) => [h.record.id, h.record.villageCode]));
  for (const p of w.planted) {
    if (p.code !== "SUPPORT.SUBSIDISE_AND_FORGET") continue;
    const at = w.subsidies.findIndex((s) => s.id === p.recordIds[0]);
    const subsidy = w.subsidies[at]!;
    const village = villageOf.get(p.subjectId);
    const visited = w.services.some(
      (s) =>
        s.date >= subsidy.date &&
        s.date < `${p.year + 1}-01-01` &&
        s.regionCode === village &&
        s.industryId === subsidy.industryId,
    );
    if (visited) w.subsidies[at] = { ...subsidy, industryId: null, purpose: "产业发展补贴" };
  }
}

/** The codes judged per township of an entity's households: found in the townships of the linkages planted. */
const PER_TOWNSHIP: ReadonlySet<string> = new Set([
  "ENTITY.SHIELD",
  "LINKAGE.YEAR_TWO_EXIT",
  "ENTITY.EMPTY_SHELL",
]);

/** Where each subject and linkage lies: households, their linkages and credits by the household's village; entities, projects, funds, rectifications and regions by their own. */
function regionsOfSubjects(w: World): Map<string, string> {
  const regionOf = new Map<string, string>();
  for (const h of w.households) {
    regionOf.set(h.record.id, h.record.villageCode);
    regionOf.set(`cr-${h.record.id}`, h.record.villageCode);
  }
  for (const l of w.linkages) regionOf.set(l.id, w.households[l.household]!.record.villageCode);
  for (const e of w.entities) regionOf.set(e.record.id, e.record.regionCode);
  for (const p of w.projects) regionOf.set(p.id, p.regionCode);
  for (const f of w.funds) regionOf.set(f.id, f.regionCode);
  for (const r of w.rectifications) regionOf.set(r.id, r.townshipCode);
  for (const r of w.regions) regionOf.set(r.code, r.code);
  return regionOf;
}

/**
 * The townships a planted problem is found in, each filing its own item (an item of another township
 * does not answer): those of the linkages planted for a code judged per township, else its subject's;
 * the county's first township for a county-level subject (any township's item answers it).
 */
function townshipsOfPlanted(w: World, regionOf: ReadonlyMap<string, string>, p: PlantedProblem): string[] {
  const ids = PER_TOWNSHIP.has(p.code) ? p.recordIds.filter((id) => id.startsWith("lk-")) : [p.subjectId];
  const codes = ids.map((id) => regionOf.get(id) ?? "").filter((code) => code.length >= 9);
  const townships = [...new Set(codes.map((code) => code.slice(0, 9)))].sort();
  return townships.length > 0 ? townships : [w.townships[0]!.code];
}

/** A rectification item of a township, opened for a finding in January after its year and closed on time in February. */
function itemFor(w: World, township: string, p: PlantedProblem, k: number): Rectification {
  const t = w.townships.find((x) => x.code === township)!;
  const found = dayOf(p.year + 1, 1, 15);
  const id = `rect-f-${p.year}-${String(k).padStart(5, "0")}`;
  return {
    id,
    townshipCode: t.code,
    problem: `${t.name}评估发现问题整改（${p.code}）`,
    source: "finding",
    findingCode: p.code,
    subjectId: p.subjectId,
    foundDate: isoOfDay(found),
    responsiblePerson: t.cadres[k % t.cadres.length]!,
    deadline: isoOfDay(found + 45),
    status: "closed",
    plan: {
      milestones: [
        { id: `${id}-ms1`, title: "制定整改方案", due: isoOfDay(found + 10), doneDate: isoOfDay(found + 8) },
        { id: `${id}-ms2`, title: "组织验收销号", due: isoOfDay(found + 45), doneDate: isoOfDay(found + 30) },
      ],
      roadmap: "问题排查→制定方案→整改落实→验收销号",
    },
    closedDate: isoOfDay(found + 30),
  };
}

/**
 * RECTIFICATION.FINDING_WITHOUT_ITEM: every error-level problem planted in a year whose grace
 * (`rectificationItemGraceDays` after 31 December) ended before the as-of date gets a closed
 * rectification item naming its code and subject in each township it is found in, except a share of each year's left without one
 * and planted as this code (those no earlier item of the same code could answer).
 */
export function plantRectificationItems(w: World): void {
  const rng = w.rng("plant-rectification-items");
  const { cfg } = w;
  const least = ["low", "medium", "high", "critical"].indexOf(DEFAULT_POLICY.rectificationRequiredSeverity);
  const generic = new Set(w.rectifications.filter((r) => r.findingCode !== null).map((r) => r.findingCode));
  const regionOf = regionsOfSubjects(w);
  let k = 0;
  for (const year of cfg.years) {
    if (cfg.asOfDay <= dayOf(year, 12, 31) + DEFAULT_POLICY.rectificationItemGraceDays) continue;
    const due = w.planted.filter(
      (p) =>
        p.year === year &&
        p.code !== "RECTIFICATION.FINDING_WITHOUT_ITEM" &&
        ["low", "medium", "high", "critical"].indexOf(FINDING_SEVERITIES[p.code]) >= least,
    );
    // An item of the same subject's finding of last year (closed this year) or of a later year answers this year's too.
    const others = new Set(
      w.planted.filter((p) => p.year === year - 1 || p.year > year).map((p) => `${p.code}|${p.subjectId}`),
    );
    const eligible = due.filter((p) => !generic.has(p.code) && !others.has(`${p.code}|${p.subjectId}`));
    const rate = rateIn(cfg, "RECTIFICATION.FINDING_WITHOUT_ITEM", year);
    const left = new Set(sample(rng, eligible, plantCount(rate, eligible.length)));
    for (const p of due) {
      if (left.has(p)) continue;
      for (const township of townshipsOfPlanted(w, regionOf, p))
        w.rectifications.push(itemFor(w, township, p, ++k));
    }
    for (const p of left)
      plant(w, "RECTIFICATION.FINDING_WITHOUT_ITEM", year, `${p.code}|${p.subjectId}`, [p.subjectId]);
  }
}
