import type { EntityActivity, EntityKind } from "../entities/business-entity.js";
import type { Linkage, LinkageMode, LinkageYear } from "../linkage/linkage.js";
import { isoOfDay } from "./days.js";
import { CATALOGUE, COUNTY, industryId } from "./dayu.js";
import { addTrack } from "./industries.js";
import { fullName } from "./names.js";
import { type Rng, sample } from "./rng.js";
import {
  dayIn,
  type EntityState,
  keepUnserved,
  type LinkageState,
  pad,
  plant,
  plantCount,
  rateIn,
  type World,
} from "./world.js";

const MODES: Readonly<Record<EntityKind, readonly LinkageMode[]>> = {
  leading_enterprise: ["order_purchase", "employment", "equity_dividend", "entrusted_raising"],
  cooperative: ["order_purchase", "equity_dividend", "entrusted_raising", "asset_income", "land_lease"],
  family_farm: ["land_lease", "employment"],
  large_grower: ["land_lease", "employment", "order_purchase"],
};

/**
 * Yearly benefit of a linkage mode in yuan (min, max): the minimum is exactly the policy's least yield
 * of the mode (DEFAULT_POLICY.modeYieldFen), so clean values sit on the shallow line without crossing it.
 */
const BENEFIT_YUAN: Readonly<Record<LinkageMode, readonly [number, number, LinkageYear["benefitKind"]]>> = {
  order_purchase: [1000, 8000, "purchase_payment"],
  land_lease: [200, 1500, "rent"],
  employment: [1500, 20000, "wage"],
  equity_dividend: [300, 2000, "dividend"],
  entrusted_raising: [500, 3000, "in_kind"],
  asset_income: [200, 1200, "dividend"],
};
/** Modes in which the household grows or raises the entity's product itself. */
const OWN_PRODUCT_MODES: ReadonlySet<LinkageMode> = new Set(["order_purchase", "entrusted_raising"]);

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ENTERPRISE_WORDS = ["赣南", "章源", "丫山", "梅关", "南安", "云山", "金莲", "章江", "牡丹亭", "梅岭"];
const LEADING_INDUSTRIES = [0, 3, 4, 6, 8, 2, 1, 9];

/** True when the linkage existed in `year`. */
export function covers(l: LinkageState, year: number): boolean {
  return l.start <= year && (l.end === null || year <= l.end);
}

function creditCode(rng: Rng, kind: EntityKind, n: number): string {
  const prefix =
    kind === "leading_enterprise" ? "91360723" : kind === "cooperative" ? "93360723" : "92360723";
  let tail = pad(n, 4);
  for (let i = 0; i < 6; i++) tail += CREDIT_CHARS[rng.int(0, CREDIT_CHARS.length - 1)]!;
  return prefix + tail;
}

/** Builds the business entities: leading enterprises, and per township cooperatives, family farms and large growers. */
export function buildEntities(w: World): void {
  const rng = w.rng("entities");
  const { cfg } = w;
  const names = new Set<string>();
  const unique = (base: string): string => {
    let name = `${base}（合成）`;
    for (let k = 2; names.has(name); k++) name = `${base}${k}（合成）`;
    names.add(name);
    return name;
  };
  const add = (
    kind: EntityKind,
    township: number,
    industry: number,
    regionCode: string,
    base: string,
  ): void => {
    const index = w.entities.length;
    const established = Math.max(2000, rng.chance(0.8) ? cfg.y0 - rng.int(1, 8) : cfg.y0 + rng.int(0, 3));
    const state: EntityState = {
      index,
      kind,
      township,
      industry,
      established,
      modes: MODES[kind],
      linkages: [],
      record: {
        id: `ent-${pad(index + 1, 4)}`,
        name: unique(base),
        kind,
        regionCode,
        creditCode: creditCode(rng, kind, index + 1),
        industryId: industryId(industry),
        establishedYear: established,
      },
    };
    w.entities.push(state);
    if (kind !== "leading_enterprise") w.townships[township]!.localEntities.push(index);
  };
  const leading = Math.max(1, Math.round(8 * cfg.scale));
  for (let k = 0; k < leading; k++) {
    const township = k % 8;
    const industry = LEADING_INDUSTRIES[k % LEADING_INDUSTRIES.length]!;
    const word = ENTERPRISE_WORDS[k % ENTERPRISE_WORDS.length]!;
    add(
      "leading_enterprise",
      township,
      industry,
      w.townships[township]!.code,
      `大余县${word}${CATALOGUE[industry]!.name}产业发展有限公司`,
    );
  }
  const villagersOf = (t: number) => w.townships[t]!.villages.filter((v) => !w.villages[v]!.residents);
  for (const t of w.townships) {
    const villages = villagersOf(t.index);
    const counts: [EntityKind, number][] = [
      ["cooperative", Math.max(1, Math.round(3 * cfg.scale))],
      ["family_farm", Math.round(2 * cfg.scale)],
      ["large_grower", Math.round(2 * cfg.scale)],
    ];
    let k = 0;
    for (const [kind, count] of counts) {
      for (let i = 0; i < count; i++) {
        const industry = t.rotation[k++ % t.rotation.length]!;
        const village = w.villages[rng.pick(villages)]!;
        const industryName = CATALOGUE[industry]!.name;
        const base =
          kind === "cooperative"
            ? `${COUNTY.name}${t.name}${village.name}${industryName}专业合作社`
            : kind === "family_farm"
              ? `${COUNTY.name}${fullName(rng, true)}家庭农场`
              : `${t.name}${fullName(rng, rng.chance(0.8))}${industryName}种养大户`;
        add(kind, t.index, industry, village.code, base);
      }
    }
  }
}

/** Links a household to an entity from `from`, never before the household's registration. */
export function addLinkage(
  w: World,
  entity: number,
  household: number,
  mode: LinkageMode,
  from: number,
  forced: boolean,
): LinkageState {
  const start = Math.max(from, w.households[household]!.record.registeredYear);
  const l: LinkageState = {
    index: w.linkages.length,
    id: `lk-${pad(w.linkages.length + 1, 6)}`,
    entity,
    household,
    mode,
    start,
    end: null,
    forced,
    years: [],
  };
  w.linkages.push(l);
  w.entities[entity]!.linkages.push(l.index);
  w.households[household]!.linkages.push(l.index);
  return l;
}

/** Households (record ids) with a member able to work (普通劳动力 or 技能劳动力). */
export function ableHouseholds(w: World): Set<string> {
  const able = new Set<string>();
  for (const m of w.members)
    if (m.labourAbility === "ordinary" || m.labourAbility === "skilled") able.add(m.householdId);
  return able;
}

/**
 * Links about 55% of households to an entity (mostly of their own township, else a leading
 * enterprise). Only order-purchase and entrusted-raising households keep the entity's industry (from
 * the linkage's first year); wage earners, land-lease, equity and asset-income households do not —
 * the healthy look-alikes of 拉郎配. Employment goes only to households with a member able to work.
 */
export function buildLinkages(w: World): void {
  const rng = w.rng("linkages");
  const { cfg } = w;
  const able = ableHouseholds(w);
  const leading = w.entities.filter((e) => e.kind === "leading_enterprise").map((e) => e.index);
  for (const h of w.households) {
    if (!rng.chance(0.55)) continue;
    const wanted = rng.chance(0.1) ? 2 : 1;
    const chosen: number[] = [];
    for (let tries = 0; chosen.length < wanted && tries < 4; tries++) {
      const local = w.townships[h.township]!.localEntities;
      // Cooperatives link most households; family farms and large growers only a few each.
      const weights = local.map((e) => (w.entities[e]!.kind === "cooperative" ? 6 : 1));
      const entity = local.length > 0 && rng.chance(0.72) ? local[rng.weighted(weights)]! : rng.pick(leading);
      if (chosen.includes(entity)) continue;
      chosen.push(entity);
      const e = w.entities[entity]!;
      const start = Math.min(
        cfg.ref,
        Math.max(cfg.y0, e.established, rng.chance(0.5) ? cfg.y0 : cfg.y0 + rng.int(1, 5)),
      );
      const modes = able.has(h.record.id) ? e.modes : e.modes.filter((m) => m !== "employment");
      const mode = rng.pick(modes);
      addLinkage(w, entity, h.index, mode, start, false);
      if (OWN_PRODUCT_MODES.has(mode)) addTrack(w, h, e.industry, start);
    }
  }
}

/**
 * Plants LINKAGE.FORCED (拉郎配): a household assigned to order purchasing by an entity of another
 * township, of a product it never grows or raises; the linkage still pays. Reported for every year it
 * covers (see `reportForced`).
 */
export function plantForcedLinkages(w: World): void {
  const rng = w.rng("plant-forced");
  const { cfg } = w;
  const count = plantCount(cfg.rates["LINKAGE.FORCED"], w.linkages.length);
  let made = 0;
  for (let tries = 0; made < count && tries < count * 40 && w.households.length > 0; tries++) {
    const h = rng.pick(w.households);
    const e = rng.pick(w.entities);
    if (e.township === h.township || e.established > cfg.ref - 1) continue;
    if (h.tracks.some((t) => t.industry === e.industry)) continue;
    if (h.linkages.some((l) => w.linkages[l]!.entity === e.index)) continue;
    rng.pick(e.modes);
    addLinkage(
      w,
      e.index,
      h.index,
      "order_purchase",
      rng.int(Math.max(cfg.y0, e.established), cfg.ref - 1),
      true,
    );
    made++;
  }
}

/** Reports LINKAGE.FORCED for each year a forced linkage covers. */
export function reportForced(w: World): void {
  for (const l of w.linkages) {
    if (!l.forced) continue;
    for (let year = l.start; year <= Math.min(l.end ?? w.cfg.ref, w.cfg.ref); year++) {
      plant(w, "LINKAGE.FORCED", year, l.id, [l.id]);
    }
  }
}

/** Entity-years with a planted year-two exit, `entityIndex|year`. */
export type ExitSet = Set<string>;

/** The group a linkage is judged in by the rules over an entity's households: its entity and its household's township. */
export function groupOf(w: World, l: LinkageState): string {
  return `${l.entity}|${w.households[l.household]!.township}`;
}

/** The linkages by `groupOf`, in linkage order. */
function linkageGroups(w: World): Map<string, LinkageState[]> {
  const groups = new Map<string, LinkageState[]>();
  for (const l of w.linkages) {
    const key = groupOf(w, l);
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  return groups;
}

/**
 * Plants LINKAGE.YEAR_TWO_EXIT: more than half of an entity's households of one township in `Y-1`
 * leave (their linkage ends in `Y-1`); the detector judges each township's households apart. Then
 * ends a few other linkages, never more than a quarter of an entity's households of a township in a
 * year, so retention elsewhere stays at 75% or more.
 */
export function plantExitsAndEndings(w: World): ExitSet {
  const rng = w.rng("plant-exits");
  const { cfg } = w;
  const exits: ExitSet = new Set();
  const groups = linkageGroups(w);
  for (const year of cfg.years.slice(1)) {
    const eligible = [...groups.values()].filter((g) => g.filter((l) => covers(l, year - 1)).length >= 2);
    const left = new Map<number, string[]>();
    for (const g of sample(rng, eligible, plantCount(cfg.rates["LINKAGE.YEAR_TWO_EXIT"], eligible.length))) {
      const before = g.filter((l) => covers(l, year - 1));
      const stayers = sample(
        rng,
        before.filter((l) => covers(l, year)),
        before.length,
      );
      while (stayers.length * 2 >= before.length) stayers.pop()!.end = year - 1;
      const entity = g[0]!.entity;
      exits.add(`${entity}|${year}`);
      const ids = before.filter((l) => !covers(l, year)).map((l) => l.id);
      left.set(entity, [...(left.get(entity) ?? []), ...ids]);
    }
    for (const [entity, ids] of [...left].sort((a, b) => a[0] - b[0]))
      plant(w, "LINKAGE.YEAR_TWO_EXIT", year, w.entities[entity]!.record.id, ids);
  }
  // Clean endings, capped per entity, township and year.
  const span = cfg.years.length;
  const coverage = new Map<string, number[]>();
  const leaving = new Map<string, number[]>();
  for (const [key, g] of groups) {
    const counts = new Array<number>(span).fill(0);
    for (const l of g) for (let y = 0; y < span; y++) if (covers(l, cfg.y0 + y)) counts[y]!++;
    coverage.set(key, counts);
    leaving.set(key, new Array<number>(span).fill(0));
  }
  const tentative: [number, LinkageState][] = [];
  for (const l of w.linkages) {
    if (!l.forced && l.end === null && l.start <= cfg.ref - 1 && rng.chance(0.04)) {
      tentative.push([rng.int(l.start, cfg.ref - 1), l]);
    }
  }
  tentative.sort((a, b) => a[0] - b[0] || a[1].index - b[1].index);
  for (const [end, l] of tentative) {
    const y = end - cfg.y0;
    const cov = coverage.get(groupOf(w, l))!;
    const left = leaving.get(groupOf(w, l))!;
    if ((left[y]! + 1) * 4 > cov[y]!) continue;
    if (!coveredWithout(w, l, end + 1)) continue;
    l.end = end;
    left[y]!++;
    for (let k = y + 1; k < span; k++) cov[k]!--;
  }
  return exits;
}

/** Whether the household of `l` stays covered from `from` to the reference year without it: a track or another open linkage. */
function coveredWithout(w: World, l: LinkageState, from: number): boolean {
  const h = w.households[l.household]!;
  if (h.tracks.some((t) => t.start <= from && t.end >= w.cfg.ref)) return true;
  return h.linkages.some((k) => {
    const other = w.linkages[k]!;
    return other !== l && other.start <= from && other.end === null;
  });
}

const NO_BASIS = { investedFen: null, monthsWorked: null, areaMu: null } as const;

/** Writes each linkage's years: took part, received at least its mode's least yield, a payment date (no basis recorded). */
export function buildLinkageYears(w: World): void {
  const rng = w.rng("linkage-years");
  const { cfg } = w;
  for (const l of w.linkages) {
    const [min, max, kind] = BENEFIT_YUAN[l.mode];
    const base = rng.int(min, max);
    const basis = NO_BASIS;
    for (let year = l.start; year <= Math.min(l.end ?? cfg.ref, cfg.ref); year++) {
      l.years[year - cfg.y0] = {
        id: `${l.id}-${year}`,
        linkageId: l.id,
        year,
        tookPart: true,
        receivedFen: Math.round(base * (1 + 0.05 * (year - cfg.y0))) * 100 + rng.int(0, 99),
        benefitKind: kind,
        ...basis,
        paymentDates: [isoOfDay(dayIn(rng, cfg, year))],
      };
    }
  }
}

/**
 * Plants ENTITY.SHIELD (none of an entity's few households, linked to it alone, received anything or
 * any service in `Y`: each of its linkages is then also LINKAGE.FAKE), LINKAGE.FAKE (no linkage-year,
 * not taking part, or nothing paid; the entity keeps at least two paying households of the township)
 * and LINKAGE.SHALLOW (paid under 200 yuan; one properly paid household of the township is kept): the
 * shield rule judges an entity's households township by township.
 */
export function plantLinkageYears(w: World, exits: ExitSet): void {
  const rng = w.rng("plant-linkage-years");
  const { cfg } = w;
  for (const year of cfg.years) {
    const i = year - cfg.y0;
    const touched = new Set<number>();
    const covering = (e: EntityState) => e.linkages.map((k) => w.linkages[k]!).filter((l) => covers(l, year));
    const alone = (l: LinkageState) =>
      w.households[l.household]!.linkages.filter((k) => covers(w.linkages[k]!, year)).length === 1;
    const shields = w.entities.filter((e) => {
      const current = covering(e);
      return current.length >= 1 && current.length <= 10 && current.every(alone);
    });
    for (const e of sample(rng, shields, plantCount(rateIn(cfg, "ENTITY.SHIELD", year), shields.length))) {
      const current = covering(e);
      for (const l of current) {
        const ly = l.years[i]!;
        ly.receivedFen = 0;
        ly.benefitKind = null;
        touched.add(l.index);
        keepUnserved(w, year, l.household);
        plant(w, "LINKAGE.FAKE", year, l.id, [l.id, ly.id]);
      }
      plant(
        w,
        "ENTITY.SHIELD",
        year,
        e.record.id,
        current.map((l) => l.id),
      );
    }
    // Paying linkages per entity and township: the shield rule judges each township's households apart.
    const paid = new Map<string, number>();
    for (const l of w.linkages) {
      const ly = l.years[i];
      if (ly && ly.receivedFen > 0) paid.set(groupOf(w, l), (paid.get(groupOf(w, l)) ?? 0) + 1);
    }
    const fakeable = w.linkages.filter(
      (l) => covers(l, year) && !touched.has(l.index) && (paid.get(groupOf(w, l)) ?? 0) >= 3,
    );
    const notTakingPart = new Set<number>();
    for (const l of sample(rng, fakeable, plantCount(rateIn(cfg, "LINKAGE.FAKE", year), fakeable.length))) {
      const group = groupOf(w, l);
      if ((paid.get(group) ?? 0) < 3) continue;
      paid.set(group, paid.get(group)! - 1);
      touched.add(l.index);
      const ly = l.years[i]!;
      // Not taking part only in a linkage's first year, once per entity and year, and never before a
      // planted exit: retention of the entity stays as planned.
      const mayDrop =
        l.start === year && !exits.has(`${l.entity}|${year + 1}`) && !notTakingPart.has(l.entity);
      const variant = mayDrop ? rng.int(0, 2) : 2;
      if (variant === 0) {
        l.years[i] = null;
        notTakingPart.add(l.entity);
        plant(w, "LINKAGE.FAKE", year, l.id, [l.id]);
        continue;
      }
      if (variant === 1) {
        ly.tookPart = false;
        notTakingPart.add(l.entity);
      }
      ly.receivedFen = 0;
      ly.benefitKind = null;
      plant(w, "LINKAGE.FAKE", year, l.id, [l.id, ly.id]);
    }
    // A shallow linkage leaves its entity at least one household of the township properly paid (else it is a shield).
    const shallowable = w.linkages.filter((l) => !touched.has(l.index) && (l.years[i]?.receivedFen ?? 0) > 0);
    for (const l of sample(rng, shallowable, plantCount(cfg.rates["LINKAGE.SHALLOW"], shallowable.length))) {
      const group = groupOf(w, l);
      if ((paid.get(group) ?? 0) < 2) continue;
      paid.set(group, paid.get(group)! - 1);
      const ly = l.years[i]!;
      ly.receivedFen = rng.int(10, 199) * 100;
      plant(w, "LINKAGE.SHALLOW", year, l.id, [l.id, ly.id]);
    }
  }
}

const ACTIVITY_NOTES: Readonly<Record<EntityActivity["kind"], string>> = {
  sales: "产品销售",
  purchase: "收购农户产品",
  payment: "向农户支付收益",
  meeting: "召开成员大会",
};

/**
 * Writes each entity's yearly activity evidence, and plants ENTITY.EMPTY_SHELL: a cooperative with
 * linkages in `Y` but no activity dated in `Y`.
 */
export function buildActivities(w: World): void {
  const rng = w.rng("activities");
  const { cfg } = w;
  const empty = new Set<string>();
  for (const year of cfg.years) {
    const coops = w.entities.filter(
      (e) => e.kind === "cooperative" && e.linkages.some((k) => covers(w.linkages[k]!, year)),
    );
    for (const e of sample(rng, coops, plantCount(rateIn(cfg, "ENTITY.EMPTY_SHELL", year), coops.length))) {
      empty.add(`${e.index}|${year}`);
      // Paperwork only: a members' meeting, which is not business.
      w.entityActivities.push({
        id: `act-${e.record.id}-${year}-meeting`,
        entityId: e.record.id,
        year,
        date: isoOfDay(dayIn(rng, cfg, year)),
        kind: "meeting",
        amountFen: null,
        note: `${year}年${ACTIVITY_NOTES.meeting}`,
      });
      const ids = e.linkages
        .map((k) => w.linkages[k]!)
        .filter((l) => covers(l, year))
        .map((l) => l.id);
      plant(w, "ENTITY.EMPTY_SHELL", year, e.record.id, ids);
    }
  }
  for (const e of w.entities) {
    for (let year = Math.max(cfg.y0, e.established); year <= cfg.ref; year++) {
      if (empty.has(`${e.index}|${year}`)) continue;
      const count = rng.int(2, 4);
      for (let k = 0; k < count; k++) {
        const kind = k === 0 ? "sales" : rng.pick(["sales", "purchase", "payment", "meeting"] as const);
        w.entityActivities.push({
          id: `act-${e.record.id}-${year}-${k + 1}`,
          entityId: e.record.id,
          year,
          date: isoOfDay(dayIn(rng, cfg, year)),
          kind,
          amountFen: kind === "meeting" ? null : rng.int(5, 500) * 100_000,
          note: `${year}年${ACTIVITY_NOTES[kind]}`,
        });
      }
    }
  }
}

/** The linkage-years of every linkage, as records. */
export function linkageYearsOf(w: World): LinkageYear[] {
  const out: LinkageYear[] = [];
  for (const l of w.linkages) for (const ly of l.years) if (ly) out.push(ly);
  return out;
}

/** A linkage as a ledger record. */
export function linkageRecord(w: World, l: LinkageState): Linkage {
  const e = w.entities[l.entity]!;
  return {
    id: l.id,
    entityId: e.record.id,
    householdId: w.households[l.household]!.record.id,
    mode: l.mode,
    industryId: industryId(e.industry),
    startYear: l.start,
    endYear: l.end,
    signedDate: null,
    endDate: null,
  };
}
