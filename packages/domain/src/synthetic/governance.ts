import { MONITORING_CATEGORIES, RISK_TYPES } from "../monitoring/monitoring.js";
import type { Rectification } from "../rectification/rectification.js";
import type { Responsibility } from "../responsibility/responsibility.js";
import { dayOf, dayOfIso, isoOfDay, yearOfDay } from "./days.js";
import { mobilePhone } from "./names.js";
import { type Rng, sample } from "./rng.js";
import { dayIn, plant, plantCount, type World, yearEnd } from "./world.js";

/**
 * A break of a chain of assignments: the old assignment ends on `end`; the next starts on `next`, or
 * never (a gap to the as-of date). A renewal keeps the person: the record is only split.
 */
interface Break {
  readonly end: number;
  readonly next: number | null;
  readonly gapYear: number | null;
  readonly renewal?: true;
}

/**
 * Breaks of a chain of assignments: continuous hand-overs in March–September of some years, three
 * stand-ins from March in each stand-in year, for each gap year a gap over 31 December (or, in the
 * reference year, from before the as-of date on), and in some other years the person's record split
 * at 31 December (a renewed term: the healthy look-alike of a change).
 */
export function breaksOf(
  rng: Rng,
  w: World,
  changeChance: number,
  gapYears: ReadonlySet<number>,
  standInYears: ReadonlySet<number> = new Set(),
  renewalChance = 0,
): Break[] {
  const { cfg } = w;
  const breaks: Break[] = [];
  for (const year of cfg.years) {
    if (standInYears.has(year)) {
      // Three stand-ins named one after another in the spring and early summer (临时指定人员对接).
      let end = dayIn(rng, cfg, year, 3, 3);
      for (let k = 0; k < 3; k++) {
        breaks.push({ end, next: end + 1, gapYear: null });
        end += rng.int(20, 40);
      }
    } else if (year < cfg.ref && rng.chance(changeChance)) {
      const end = dayIn(rng, cfg, year, 3, 9);
      breaks.push({ end, next: end + 1, gapYear: null });
    }
    if (!gapYears.has(year)) {
      if (renewalChance > 0 && year < cfg.ref && rng.chance(renewalChance)) {
        const end = dayOf(year, 12, 31);
        breaks.push({ end, next: end + 1, gapYear: null, renewal: true });
      }
      continue;
    }
    if (year < cfg.ref) {
      breaks.push({
        end: dayOf(year, 12, rng.int(1, 20)),
        next: dayOf(year + 1, 1, rng.int(3, 25)),
        gapYear: year,
      });
    } else {
      breaks.push({ end: cfg.asOfDay - rng.int(1, 30), next: null, gapYear: year });
    }
  }
  return breaks.sort((a, b) => a.end - b.end);
}

/**
 * Writes a chain of assignments from `startDay` (`make` is told when the record renews the previous
 * one's person), skipping the breaks that end before it (a household's years before its registration);
 * returns, per gap year, the id of the assignment that ended before it, and the ids of the records
 * that put a new person in charge.
 */
export function writeChain(
  w: World,
  startDay: number,
  breaks: readonly Break[],
  make: (k: number, from: number, to: number | null, renewal: boolean) => Responsibility,
): { endedBefore: Map<number, string>; appointed: Set<string> } {
  const endedBefore = new Map<number, string>();
  const appointed = new Set<string>();
  let from: number | null = startDay;
  let renewal = false;
  let k = 0;
  const write = (to: number | null) => {
    const r = make(++k, from!, to, renewal);
    w.responsibilities.push(r);
    if (!renewal) appointed.add(r.id);
    return r;
  };
  for (const b of breaks) {
    if (b.end <= startDay) continue;
    if (from === null) break;
    const r = write(b.end);
    if (b.gapYear !== null) endedBefore.set(b.gapYear, r.id);
    from = b.next;
    renewal = b.renewal === true;
  }
  if (from !== null) write(null);
  return { endedBefore, appointed };
}

/** The records of a chain that put a new person in charge in `year`: the stand-ins of a stand-in year. */
export function appointedIn(w: World, appointed: ReadonlySet<string>, year: number): string[] {
  return w.responsibilities
    .filter((r) => appointed.has(r.id) && yearOfDay(dayOfIso(r.validFrom)) === year)
    .map((r) => r.id);
}

/** A name from `pick` other than the previous one: a change of person names someone else. */
export function otherThan(previous: string | null, pick: () => string): string {
  let name = pick();
  while (name === previous) name = pick();
  return name;
}

/** The years of the window with room for stand-ins: they need spring to summer before the as-of date. */
export function standInRoom(w: World): number[] {
  return w.cfg.years.filter((y) => yearEnd(w.cfg, y) - dayOf(y, 1, 1) > 230);
}

/** Per township, the years it names stand-ins. */
function standInYears(w: World, plantRng: Rng): Set<number>[] {
  const standIns = w.townships.map(() => new Set<number>());
  const rate = w.cfg.rates["RESPONSIBILITY.TOWNSHIP_STAND_IN"];
  for (const year of standInRoom(w)) {
    for (const t of sample(plantRng, w.townships, plantCount(rate, w.townships.length)))
      standIns[t.index]!.add(year);
  }
  return standIns;
}

/**
 * Writes a fixed responsible person (固定人员) for each township and a helper (帮扶责任人) for each
 * household, continuously from the window's first January (a household's helper from its
 * registration); plants RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON and
 * RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER as gaps over 31 December of `Y` (or over the as-of date).
 */
export function buildResponsibilities(w: World): void {
  const rng = w.rng("responsibilities");
  const plantRng = w.rng("plant-responsibilities");
  const { cfg } = w;
  const townshipGaps = w.townships.map(() => new Set<number>());
  const standIns = standInYears(w, plantRng);
  const householdGaps = new Map<number, Set<number>>();
  for (const year of cfg.years) {
    const rateT = cfg.rates["RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON"];
    for (const t of sample(plantRng, w.townships, plantCount(rateT, w.townships.length))) {
      townshipGaps[t.index]!.add(year);
    }
    const registered = w.households.filter((h) => h.record.registeredYear <= year);
    const rateH = cfg.rates["RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER"];
    for (const h of sample(plantRng, registered, plantCount(rateH, registered.length))) {
      let set = householdGaps.get(h.index);
      if (!set) {
        set = new Set();
        householdGaps.set(h.index, set);
      }
      set.add(year);
    }
  }
  for (const t of w.townships) {
    const gaps = townshipGaps[t.index]!;
    let last: string | null = null;
    let phone = "";
    const chain = writeChain(
      w,
      dayOf(cfg.y0, 1, rng.int(1, 28)),
      breaksOf(rng, w, 0.3, gaps, standIns[t.index]!, 0.15),
      (k, from, to, renewal) => {
        if (!renewal || last === null) {
          last = nextCadre(t.cadres, rng.pick(t.cadres), last);
          phone = mobilePhone(rng);
        }
        return {
          id: `resp-${t.code}-${k}`,
          kind: "township_fixed_person",
          personName: last,
          personPhone: phone,
          townshipCode: t.code,
          householdId: null,
          villageCode: null,
          validFrom: isoOfDay(from),
          validTo: to === null ? null : isoOfDay(to),
        };
      },
    );
    for (const year of gaps)
      plant(w, "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", year, t.code, [chain.endedBefore.get(year)!]);
    for (const year of standIns[t.index]!)
      plant(w, "RESPONSIBILITY.TOWNSHIP_STAND_IN", year, t.code, appointedIn(w, chain.appointed, year));
  }
  const none = new Set<number>();
  for (const h of w.households) {
    const t = w.townships[h.township]!;
    const gaps = householdGaps.get(h.index) ?? none;
    const start = dayOf(h.record.registeredYear, rng.int(3, 6), rng.int(1, 28));
    const { endedBefore } = writeChain(w, start, breaksOf(rng, w, 0.07, gaps), (k, from, to) => ({
      id: `resp-${h.record.id}-${k}`,
      kind: "household_helper",
      personName: rng.pick(t.cadres),
      personPhone: null,
      townshipCode: t.code,
      householdId: h.record.id,
      villageCode: null,
      validFrom: isoOfDay(from),
      validTo: to === null ? null : isoOfDay(to),
    }));
    for (const year of gaps)
      plant(w, "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER", year, h.record.id, [endedBefore.get(year)!]);
  }
}

/** The cadre drawn, or when that is the person just replaced, the next on the list: a hand-over names someone else. */
function nextCadre(cadres: readonly string[], drawn: string, previous: string | null): string {
  const i = cadres.indexOf(drawn);
  for (let k = 0; k < cadres.length; k++) {
    const name = cadres[(i + k) % cadres.length]!;
    if (name !== previous) return name;
  }
  return drawn;
}

const PROBLEMS: readonly (readonly [string, string | null])[] = [
  ["乡镇产业扶贫固定责任人调整后未及时明确", "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON"],
  ["部分脱贫户帮扶责任人未落实", "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER"],
  ["产业奖补资金发放撒胡椒面，缺少后续跟踪", "SUBSIDY.PEPPER_SPRAY"],
  ["合作社无经营活动记录，疑似空壳", "ENTITY.EMPTY_SHELL"],
  ["利益联结协议约定收益未兑现", "LINKAGE.FAKE"],
  ["产业项目公示时间不足", null],
  ["扶贫资产管护责任不明确", null],
  ["产业发展台账数据前后不一致", null],
];
const MILESTONES = ["制定整改方案", "落实整改措施", "组织验收销号"];

interface Draft {
  readonly id: string;
  readonly township: number;
  readonly found: number;
  readonly deadline: number;
  readonly problem: readonly [string, string | null];
}

function draftRectifications(w: World, rng: Rng): Draft[] {
  const { cfg } = w;
  const drafts: Draft[] = [];
  const perYear = Math.max(6, Math.round(10 * Math.sqrt(cfg.scale)));
  for (const year of cfg.years) {
    for (let k = 0; k < perYear; k++) {
      const found = Math.min(dayIn(rng, cfg, year), cfg.asOfDay - 1);
      drafts.push({
        id: `rect-${year}-${String(k + 1).padStart(3, "0")}`,
        township: rng.int(0, w.townships.length - 1),
        found,
        deadline: found + rng.int(30, 120),
        problem: rng.pick(PROBLEMS),
      });
    }
  }
  return drafts;
}

const daysToYearEnd = (w: World, found: number, year: number) => yearEnd(w.cfg, year) - found;

/** The drafts planted as overdue, and those planted as without a plan (none near the 30-day edge). */
function choosePlanted(w: World, plantRng: Rng, drafts: readonly Draft[]) {
  const { cfg } = w;
  const overdueEligible = drafts.filter(
    (d) => d.deadline < cfg.asOfDay - 3 && d.deadline <= dayOf(yearOfDay(d.deadline), 12, 27),
  );
  const overdueDrafts = sample(
    plantRng,
    overdueEligible,
    plantCount(cfg.rates["RECTIFICATION.OVERDUE"], overdueEligible.length),
  );
  const overdue = new Set(overdueDrafts);
  // Every other one whose deadline falls before the reference year is closed late, in a later year.
  const closedLate = new Set(overdueDrafts.filter((d, i) => i % 2 === 1 && yearOfDay(d.deadline) < cfg.ref));
  const noPlanEligible = drafts.filter((d) => {
    if (overdue.has(d) || yearOfDay(d.found) < cfg.ref - 1 || d.found > cfg.asOfDay - 45) return false;
    for (let y = yearOfDay(d.found); y <= cfg.ref; y++) {
      const days = daysToYearEnd(w, d.found, y);
      if (days >= 26 && days <= 34) return false;
    }
    return true;
  });
  const noPlan = new Set(
    sample(plantRng, noPlanEligible, plantCount(cfg.rates["RECTIFICATION.NO_PLAN"], noPlanEligible.length)),
  );
  return { overdue, closedLate, noPlan };
}

function milestonePlan(rng: Rng, d: Draft, deadline: number, doneUntil: number, allDone: boolean) {
  const n = rng.int(2, 3);
  const milestones = [];
  for (let k = 0; k < n; k++) {
    const due = d.found + Math.max(1, Math.round(((deadline - d.found) * (k + 1)) / n));
    const done = allDone || (k < n - 1 && due <= doneUntil);
    milestones.push({
      id: `${d.id}-ms${k + 1}`,
      title: MILESTONES[k === n - 1 ? 2 : k]!,
      due: isoOfDay(due),
      doneDate: done ? isoOfDay(Math.max(d.found, Math.min(due, doneUntil))) : null,
    });
  }
  return { milestones, roadmap: "问题排查→制定方案→整改落实→验收销号" };
}

/** A closed rectification: on time mostly, up to 40 days late (within its deadline's year) sometimes. */
function closedRectification(w: World, rng: Rng, d: Draft) {
  const yearOfDeadline = dayOf(yearOfDay(d.deadline), 12, 31);
  const lateUntil = Math.min(d.deadline + 40, yearOfDeadline, w.cfg.asOfDay);
  const closed =
    rng.chance(0.15) && lateUntil > d.deadline
      ? rng.int(d.deadline + 1, lateUntil)
      : rng.int(d.found + 10, Math.min(d.deadline, w.cfg.asOfDay));
  return {
    deadline: isoOfDay(d.deadline),
    status: "closed" as const,
    plan: milestonePlan(rng, d, d.deadline, closed, true),
    closedDate: isoOfDay(closed),
  };
}

/**
 * A rectification planted RECTIFICATION.OVERDUE from its deadline's year on: still under way, or
 * (`closedLate`) closed on a day of a later year — its last milestone, the acceptance, done that day —
 * and overdue up to the year before: a past year is judged as the item stood then.
 */
function overdueRectification(w: World, rng: Rng, d: Draft, closedLate: boolean) {
  const { cfg } = w;
  const deadline = isoOfDay(d.deadline);
  const closed = closedLate ? dayIn(rng, cfg, rng.int(yearOfDay(d.deadline) + 1, cfg.ref)) : null;
  const until = closed === null ? cfg.ref : yearOfDay(closed) - 1;
  for (let y = Math.max(cfg.y0, yearOfDay(d.deadline)); y <= until; y++)
    plant(w, "RECTIFICATION.OVERDUE", y, d.id, [d.id]);
  if (closed === null) {
    const plan = milestonePlan(rng, d, d.deadline, cfg.asOfDay, false);
    return { deadline, status: "planned" as const, plan, closedDate: null };
  }
  const plan = milestonePlan(rng, d, d.deadline, closed, true);
  const milestones = plan.milestones.map((m, k) =>
    k === plan.milestones.length - 1 ? { ...m, doneDate: isoOfDay(closed) } : m,
  );
  return { deadline, status: "closed" as const, plan: { ...plan, milestones }, closedDate: isoOfDay(closed) };
}

function rectificationOf(
  w: World,
  rng: Rng,
  d: Draft,
  planted: ReturnType<typeof choosePlanted>,
): Rectification {
  const { cfg } = w;
  const t = w.townships[d.township]!;
  const [problem, findingCode] = d.problem;
  const base = {
    id: d.id,
    townshipCode: t.code,
    problem: `${t.name}${problem}`,
    source:
      findingCode !== null && rng.chance(0.5)
        ? ("finding" as const)
        : rng.pick(["inspection", "check"] as const),
    findingCode,
    subjectId: findingCode === "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON" ? t.code : null,
    foundDate: isoOfDay(d.found),
    responsiblePerson: rng.pick(t.cadres),
  };
  if (planted.overdue.has(d))
    return { ...base, ...overdueRectification(w, rng, d, planted.closedLate.has(d)) };
  if (planted.noPlan.has(d)) {
    const deadline = isoOfDay(dayOf(cfg.ref + 1, rng.int(3, 6), rng.int(1, 28)));
    for (let y = yearOfDay(d.found); y <= cfg.ref; y++) {
      if (daysToYearEnd(w, d.found, y) > 30) plant(w, "RECTIFICATION.NO_PLAN", y, d.id, [d.id]);
    }
    return { ...base, deadline, status: "open", plan: null, closedDate: null };
  }
  if (d.found >= cfg.asOfDay - 20 || (yearOfDay(d.found) === cfg.ref && rng.chance(0.4))) {
    const deadline = Math.max(d.deadline, dayOf(cfg.ref + 1, rng.int(1, 3), rng.int(1, 28)));
    const plan = milestonePlan(rng, d, deadline, cfg.asOfDay, false);
    return { ...base, deadline: isoOfDay(deadline), status: "planned", plan, closedDate: null };
  }
  return { ...base, ...closedRectification(w, rng, d) };
}

/**
 * Writes rectifications (问题整改) found each year: closed ones with every milestone done, and recent
 * ones planned with a deadline in the next year. Plants RECTIFICATION.OVERDUE (planned, not done,
 * past its deadline: every year from the deadline's on) and RECTIFICATION.NO_PLAN (found in the last
 * two years, still open after more than 30 days).
 */
export function buildRectifications(w: World): void {
  const rng = w.rng("rectifications");
  const plantRng = w.rng("plant-rectifications");
  const drafts = draftRectifications(w, rng);
  const planted = choosePlanted(w, plantRng, drafts);
  for (const d of drafts) w.rectifications.push(rectificationOf(w, rng, d, planted));
}

/** Writes relapse-monitoring records (防返贫监测) for about 6% of households, from 2021 on. */
export function buildMonitorings(w: World): void {
  const rng = w.rng("monitoring");
  const { cfg } = w;
  const from = Math.max(2021, cfg.y0);
  if (from > cfg.ref) return;
  for (const h of w.households) {
    if (!rng.chance(0.06)) continue;
    const identified = dayIn(rng, cfg, rng.int(from, cfg.ref));
    const removed = identified + rng.int(90, 400);
    const category =
      h.record.povertyStatus === "in_poverty"
        ? rng.pick(["marginal", "sudden_hardship"] as const)
        : rng.pick(MONITORING_CATEGORIES);
    w.monitorings.push({
      id: `mon-${h.record.id}`,
      householdId: h.record.id,
      category,
      riskType: rng.pick(RISK_TYPES),
      identifiedDate: isoOfDay(identified),
      removedDate: rng.chance(0.5) && removed <= cfg.asOfDay ? isoOfDay(removed) : null,
    });
  }
}

/**
 * Plants RECTIFICATION.MILESTONE_SLIPPED: some rectifications found the year before the reference year, at least 40
 * days before their year ended (closed ones, not those planted overdue and closed late), are still under way with a deadline in the next year, and the first
 * milestone of their timetable, due 30 days after they were found, is not done; reported every year
 * from the one they were found in.
 */
export function plantSlippedMilestones(w: World): void {
  const rng = w.rng("plant-milestones");
  const { cfg } = w;
  const overdue = new Set(
    w.planted.filter((p) => p.code === "RECTIFICATION.OVERDUE").map((p) => p.subjectId),
  );
  const eligible = w.rectifications.filter((r) => {
    const found = dayOfIso(r.foundDate);
    return (
      r.status === "closed" &&
      !overdue.has(r.id) &&
      yearOfDay(found) === cfg.ref - 1 &&
      found + 40 <= yearEnd(cfg, yearOfDay(found))
    );
  });
  const rate = cfg.rates["RECTIFICATION.MILESTONE_SLIPPED"];
  for (const r of sample(rng, eligible, plantCount(rate, eligible.length))) {
    const deadline = isoOfDay(dayOf(cfg.ref + 1, rng.int(1, 6), rng.int(1, 28)));
    const first = {
      id: `${r.id}-ms1`,
      title: MILESTONES[0]!,
      due: isoOfDay(dayOfIso(r.foundDate) + 30),
      doneDate: null,
    };
    const last = { id: `${r.id}-ms2`, title: MILESTONES[2]!, due: deadline, doneDate: null };
    const plan = { milestones: [first, last], roadmap: "问题排查→制定方案→整改落实→验收销号" };
    const rectification = { ...r, status: "planned" as const, deadline, plan, closedDate: null };
    w.rectifications[w.rectifications.indexOf(r)] = rectification;
    for (let y = yearOfDay(dayOfIso(r.foundDate)); y <= cfg.ref; y++)
      plant(w, "RECTIFICATION.MILESTONE_SLIPPED", y, r.id, [r.id, first.id]);
  }
}
