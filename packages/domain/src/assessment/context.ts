import type { BusinessEntity, EntityActivity } from "../entities/business-entity.js";
import { ENTITY_KIND_LABELS } from "../entities/business-entity.js";
import type { Fund, FundUse } from "../funds/fund.js";
import type { Household } from "../households/household.js";
import type { Income } from "../households/income.js";
import type { HouseholdIndustry, Industry, VillageIndustry } from "../industries/industry.js";
import type { Ledger } from "../ledger/ledger.js";
import type { Linkage, LinkageYear } from "../linkage/linkage.js";
import type { Monitoring } from "../monitoring/monitoring.js";
import type { Rectification } from "../rectification/rectification.js";
import type { Region } from "../regions/region.js";
import type { Responsibility } from "../responsibility/responsibility.js";
import { chinaDateOf, type IsoDate, yearOf } from "../shared/dates.js";
import type { Subsidy } from "../support/subsidy.js";
import type { TechnicalService } from "../support/technical-service.js";
import { type AssessmentPolicy, resolvePolicy } from "./policy.js";

/** Maps over a ledger's records, built once per assessment call so every rule runs in linear time. */
export interface LedgerIndex {
  readonly regions: ReadonlyMap<string, Region>;
  readonly households: ReadonlyMap<string, Household>;
  readonly headNames: ReadonlyMap<string, string>;
  readonly memberCounts: ReadonlyMap<string, number>;
  readonly industries: ReadonlyMap<string, Industry>;
  readonly entities: ReadonlyMap<string, BusinessEntity>;
  readonly funds: ReadonlyMap<string, Fund>;
  readonly linkagesByHousehold: ReadonlyMap<string, readonly Linkage[]>;
  readonly linkagesByEntity: ReadonlyMap<string, readonly Linkage[]>;
  /** year → linkage id → its record of that year. */
  readonly linkageYears: ReadonlyMap<number, ReadonlyMap<string, LinkageYear>>;
  readonly linkageYearsByYear: ReadonlyMap<number, readonly LinkageYear[]>;
  readonly linkagesById: ReadonlyMap<string, Linkage>;
  /** year → household id → its industry records of that year. */
  readonly householdIndustries: ReadonlyMap<number, ReadonlyMap<string, readonly HouseholdIndustry[]>>;
  readonly householdIndustriesByYear: ReadonlyMap<number, readonly HouseholdIndustry[]>;
  readonly villageIndustriesByYear: ReadonlyMap<number, readonly VillageIndustry[]>;
  /** Subsidies by the year of their date. */
  readonly subsidiesByYear: ReadonlyMap<number, readonly Subsidy[]>;
  /** Services by the year of their date. */
  readonly servicesByYear: ReadonlyMap<number, readonly TechnicalService[]>;
  /** Households listed by a technical service, by the year of the service. */
  readonly servedHouseholdsByYear: ReadonlyMap<number, ReadonlySet<string>>;
  readonly activitiesByEntity: ReadonlyMap<string, readonly EntityActivity[]>;
  readonly fundUsesByYear: ReadonlyMap<number, readonly FundUse[]>;
  readonly townshipPersons: ReadonlyMap<string, readonly Responsibility[]>;
  /** Village responsible persons (村级主体责任) by village code. */
  readonly villagePersons: ReadonlyMap<string, readonly Responsibility[]>;
  readonly helpersByHousehold: ReadonlyMap<string, readonly Responsibility[]>;
  /** year → household id → its income of that year. */
  readonly incomes: ReadonlyMap<number, ReadonlyMap<string, Income>>;
  readonly rectifications: readonly Rectification[];
  readonly monitoringsByHousehold: ReadonlyMap<string, readonly Monitoring[]>;
}

/** Everything a detector or metric needs: the ledger, its index, the year, the assessment date and the policy. */
export interface AssessmentContext {
  readonly ledger: Ledger;
  readonly index: LedgerIndex;
  readonly year: number;
  /** min(China date of `now`, 31 December of `year`). */
  readonly asOf: IsoDate;
  /** The China date of `now`, even after the year: what has been done about the year's findings since. */
  readonly today: IsoDate;
  readonly policy: AssessmentPolicy;
}

/** Appends a value to the list of a key in a map of lists. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inner<K, V>(map: Map<number, Map<K, V>>, year: number): Map<K, V> {
  let m = map.get(year);
  if (!m) {
    m = new Map();
    map.set(year, m);
  }
  return m;
}

type Keep = (year: number) => boolean;

function indexMembers(ledger: Ledger) {
  const headNames = new Map<string, string>();
  const memberCounts = new Map<string, number>();
  for (const m of ledger.members) {
    memberCounts.set(m.householdId, (memberCounts.get(m.householdId) ?? 0) + 1);
    if (m.relation === "head") headNames.set(m.householdId, m.name);
  }
  return { headNames, memberCounts };
}

function indexLinkages(ledger: Ledger, keep: Keep) {
  const linkagesByHousehold = new Map<string, Linkage[]>();
  const linkagesByEntity = new Map<string, Linkage[]>();
  for (const l of ledger.linkages) {
    push(linkagesByHousehold, l.householdId, l);
    push(linkagesByEntity, l.entityId, l);
  }
  const linkageYears = new Map<number, Map<string, LinkageYear>>();
  const linkageYearsByYear = new Map<number, LinkageYear[]>();
  for (const y of ledger.linkageYears) {
    if (!keep(y.year)) continue;
    inner(linkageYears, y.year).set(y.linkageId, y);
    push(linkageYearsByYear, y.year, y);
  }
  const linkagesById = new Map(ledger.linkages.map((l) => [l.id, l]));
  return { linkagesByHousehold, linkagesByEntity, linkageYears, linkageYearsByYear, linkagesById };
}

function indexIndustries(ledger: Ledger, keep: Keep) {
  const householdIndustries = new Map<number, Map<string, HouseholdIndustry[]>>();
  const householdIndustriesByYear = new Map<number, HouseholdIndustry[]>();
  for (const h of ledger.householdIndustries) {
    if (!keep(h.year)) continue;
    push(inner(householdIndustries, h.year), h.householdId, h);
    push(householdIndustriesByYear, h.year, h);
  }
  const villageIndustriesByYear = new Map<number, VillageIndustry[]>();
  for (const v of ledger.villageIndustries) if (keep(v.year)) push(villageIndustriesByYear, v.year, v);
  return { householdIndustries, householdIndustriesByYear, villageIndustriesByYear };
}

function indexSupport(ledger: Ledger, keep: Keep) {
  const subsidiesByYear = new Map<number, Subsidy[]>();
  for (const s of ledger.subsidies) {
    const year = yearOf(s.date);
    if (keep(year)) push(subsidiesByYear, year, s);
  }
  const servicesByYear = new Map<number, TechnicalService[]>();
  const servedHouseholdsByYear = new Map<number, Set<string>>();
  for (const s of ledger.services) {
    const year = yearOf(s.date);
    if (!keep(year)) continue;
    push(servicesByYear, year, s);
    let served = servedHouseholdsByYear.get(year);
    if (!served) {
      served = new Set();
      servedHouseholdsByYear.set(year, served);
    }
    for (const h of s.householdIds) served.add(h);
  }
  return { subsidiesByYear, servicesByYear, servedHouseholdsByYear };
}

function indexResponsibilities(ledger: Ledger) {
  const townshipPersons = new Map<string, Responsibility[]>();
  const villagePersons = new Map<string, Responsibility[]>();
  const helpersByHousehold = new Map<string, Responsibility[]>();
  for (const r of ledger.responsibilities) {
    if (r.kind === "township_fixed_person") push(townshipPersons, r.townshipCode, r);
    else if (r.kind === "village_responsible_person" && r.villageCode !== null)
      push(villagePersons, r.villageCode, r);
    else if (r.householdId !== null) push(helpersByHousehold, r.householdId, r);
  }
  return { townshipPersons, villagePersons, helpersByHousehold };
}

/**
 * Builds the maps an assessment needs, in one pass over each collection. With `years`, yearly records
 * (linkage-years, outcomes, subsidies, services, fund uses, incomes) of other years are left out.
 */
export function indexLedger(ledger: Ledger, years?: ReadonlySet<number>): LedgerIndex {
  const keep: Keep = years ? (year) => years.has(year) : () => true;
  const activitiesByEntity = new Map<string, EntityActivity[]>();
  for (const a of ledger.entityActivities) push(activitiesByEntity, a.entityId, a);
  const fundUsesByYear = new Map<number, FundUse[]>();
  for (const u of ledger.fundUses) if (keep(u.year)) push(fundUsesByYear, u.year, u);
  const incomes = new Map<number, Map<string, Income>>();
  for (const i of ledger.incomes) if (keep(i.year)) inner(incomes, i.year).set(i.householdId, i);
  return {
    regions: new Map(ledger.regions.map((r) => [r.code, r])),
    households: new Map(ledger.households.map((h) => [h.id, h])),
    ...indexMembers(ledger),
    industries: new Map(ledger.industries.map((i) => [i.id, i])),
    entities: new Map(ledger.entities.map((e) => [e.id, e])),
    funds: new Map(ledger.funds.map((f) => [f.id, f])),
    ...indexLinkages(ledger, keep),
    ...indexIndustries(ledger, keep),
    ...indexSupport(ledger, keep),
    activitiesByEntity,
    fundUsesByYear,
    ...indexResponsibilities(ledger),
    incomes,
    rectifications: ledger.rectifications,
    monitoringsByHousehold: groupBy(ledger.monitorings, (m) => m.householdId),
  };
}

/** The assessment date of a year: the China date of `now`, or 31 December of the year if that is earlier. */
export function assessmentDate(year: number, now: Date): IsoDate {
  const today = chinaDateOf(now);
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/** The years whose yearly records an assessment of `year` reads: the year before, and the income window. */
export function yearsRead(year: number, policy: AssessmentPolicy): Set<number> {
  const years = new Set([year, year - 1]);
  for (let i = 0; i < policy.incomeStableYears; i++) years.add(year - i);
  return years;
}

// Indexes of the ledgers being assessed, so that computeMetrics and detectFindings on the same ledger
// object (as a request for both does) build it once. A ledger is immutable; the entry goes with it.
const indexes = new WeakMap<Ledger, Map<string, LedgerIndex>>();

/** The index of a ledger for the yearly records of `years`, built once per ledger object and set of years. */
export function ledgerIndexFor(ledger: Ledger, years: ReadonlySet<number>): LedgerIndex {
  const key = [...years].sort().join(",");
  let byYears = indexes.get(ledger);
  if (!byYears) {
    byYears = new Map();
    indexes.set(ledger, byYears);
  }
  let index = byYears.get(key);
  if (!index) {
    index = indexLedger(ledger, years);
    byYears.set(key, index);
  }
  return index;
}

/** Creates the context of an assessment of `year` as of `now` (with the ledger's index unless one is given). */
export function createAssessmentContext(
  ledger: Ledger,
  options: { year: number; now: Date; policy?: Partial<AssessmentPolicy> },
  index?: LedgerIndex,
): AssessmentContext {
  const policy = resolvePolicy(options.policy);
  return {
    ledger,
    index: index ?? ledgerIndexFor(ledger, yearsRead(options.year, policy)),
    year: options.year,
    asOf: assessmentDate(options.year, options.now),
    today: chinaDateOf(options.now),
    policy,
  };
}

/** A linkage's record of a year. */
export function linkageYearOf(index: LedgerIndex, linkageId: string, year: number): LinkageYear | undefined {
  return index.linkageYears.get(year)?.get(linkageId);
}

/** A household's industry records of a year. */
export function householdIndustriesOf(
  index: LedgerIndex,
  householdId: string,
  year: number,
): readonly HouseholdIndustry[] {
  return index.householdIndustries.get(year)?.get(householdId) ?? NONE;
}

/** A household's income of a year. */
export function incomeOf(index: LedgerIndex, householdId: string, year: number): Income | undefined {
  return index.incomes.get(year)?.get(householdId);
}

/** The township (9 digits) of a region code at township level or below; the code itself above. */
export function townshipRegionOf(code: string): string {
  return code.length >= 9 ? code.slice(0, 9) : code;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

/** What a household was in a year (DOMAIN.md, "Eras"). */
export type HouseholdStatusInYear = "poor" | "exited" | "monitored";

/**
 * A household's status in the assessed year: 监测户 while a monitoring of it was open at some time in
 * the year (identified by the assessment date, not removed before the year began); else 脱贫户 in the
 * years after its exit year (a relapsed household is poor again); else 贫困户.
 */
export function householdStatusIn(ctx: AssessmentContext, householdId: string): HouseholdStatusInYear {
  const yearStart = `${ctx.year}-01-01`;
  const monitored = (ctx.index.monitoringsByHousehold.get(householdId) ?? NONE).some(
    (m) => m.identifiedDate <= ctx.asOf && (m.removedDate === null || m.removedDate >= yearStart),
  );
  if (monitored) return "monitored";
  const h = ctx.index.households.get(householdId);
  if (h && h.exitYear !== null && ctx.year > h.exitYear && h.povertyStatus !== "relapsed") return "exited";
  return "poor";
}

const STATUS_WORDS: Readonly<Record<HouseholdStatusInYear, { zh: string; en: string }>> = {
  poor: { zh: "贫困户", en: "poor household" },
  exited: { zh: "脱贫户", en: "household out of poverty" },
  monitored: { zh: "监测户", en: "monitored household" },
};

/** The empty list, typed. */
export const NONE: readonly never[] = [];

/** Human-readable names of the subjects of findings, in Chinese and English. */
export const labels = {
  /** 大余县 */
  county(ctx: AssessmentContext): string {
    return ctx.index.regions.get(ctx.ledger.countyCode)?.name ?? ctx.ledger.countyCode;
  },
  /** 大余县南安镇 */
  township(ctx: AssessmentContext, code: string): string {
    const township = ctx.index.regions.get(code.slice(0, 9));
    return `${labels.county(ctx)}${township?.name ?? code.slice(0, 9)}`;
  },
  /** 大余县南安镇新华村 */
  village(ctx: AssessmentContext, code: string): string {
    if (code.length < 12) return labels.township(ctx, code);
    return `${labels.township(ctx, code)}${ctx.index.regions.get(code)?.name ?? code}`;
  },
  /** 贫困户, 脱贫户 or 监测户: what the household was in the assessed year. */
  status(ctx: AssessmentContext, householdId: string): string {
    return STATUS_WORDS[householdStatusIn(ctx, householdId)].zh;
  },
  /** The status words of some households in the assessed year, e.g. 脱贫户 or 脱贫户、监测户. */
  statuses(ctx: AssessmentContext, householdIds: Iterable<string>): string {
    const found = new Set<HouseholdStatusInYear>();
    for (const id of householdIds) found.add(householdStatusIn(ctx, id));
    const order: HouseholdStatusInYear[] = ["poor", "exited", "monitored"];
    const words = order.filter((s) => found.has(s)).map((s) => STATUS_WORDS[s].zh);
    return words.length > 0 ? words.join("、") : STATUS_WORDS.poor.zh;
  },
  /** 大余县南安镇新华村脱贫户张三（户编号 …）: the status is the household's in the assessed year. */
  household(ctx: AssessmentContext, householdId: string): string {
    const h = ctx.index.households.get(householdId);
    const word = labels.status(ctx, householdId);
    if (!h) return `${word} ${householdId}`;
    const head = ctx.index.headNames.get(h.id) ?? "";
    return `${labels.village(ctx, h.villageCode)}${word}${head}（户编号 ${h.householdNumber}）`;
  },
  /** household out of poverty 3607231002010001 (head 张三) */
  householdEn(ctx: AssessmentContext, householdId: string): string {
    const h = ctx.index.households.get(householdId);
    const word = STATUS_WORDS[householdStatusIn(ctx, householdId)].en;
    if (!h) return `${word} ${householdId}`;
    const head = ctx.index.headNames.get(h.id);
    return `${word} ${h.householdNumber}${head ? ` (head ${head})` : ""} in village ${h.villageCode}`;
  },
  /** 合作社「某某合作社」 */
  entity(ctx: AssessmentContext, entityId: string): string {
    const e = ctx.index.entities.get(entityId);
    if (!e) return `经营主体 ${entityId}`;
    return `${labels.township(ctx, e.regionCode)}${ENTITY_KIND_LABELS[e.kind]}「${e.name}」`;
  },
  /** cooperative "name" (id) */
  entityEn(ctx: AssessmentContext, entityId: string): string {
    const e = ctx.index.entities.get(entityId);
    if (!e) return `entity ${entityId}`;
    return `${e.kind.replace("_", " ")} "${e.name}" (${e.id})`;
  },
  /** 脐橙 */
  industry(ctx: AssessmentContext, industryId: string | null): string {
    if (industryId === null) return "未注明产业";
    return ctx.index.industries.get(industryId)?.name ?? industryId;
  },
  /** navel_orange */
  industryEn(ctx: AssessmentContext, industryId: string | null): string {
    if (industryId === null) return "an unnamed industry";
    return ctx.index.industries.get(industryId)?.code ?? industryId;
  },
};
