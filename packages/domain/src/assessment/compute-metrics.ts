import { perCapitaNetIncomeFen } from "../households/income.js";
import type { Ledger } from "../ledger/ledger.js";
import { linkageCoversYear } from "../linkage/linkage.js";
import { isResponsibilityCurrent } from "../responsibility/responsibility.js";
import { yearOf } from "../shared/dates.js";
import {
  type AssessmentContext,
  createAssessmentContext,
  householdIndustriesOf,
  incomeOf,
  NONE,
} from "./context.js";
import type { MetricCode } from "./metric-codes.js";
import type { AssessmentPolicy } from "./policy.js";
import type { Metric } from "./types.js";

/** Options of `computeMetrics`. */
export interface ComputeMetricsOptions {
  /** The region measured: the county, a township or a village (or a city or province, which here is the whole county). */
  readonly regionCode: string;
  readonly year: number;
  /** The instant of the assessment; the assessment date is its China date, or 31 December of `year` if earlier. */
  readonly now: Date;
  readonly policy?: Partial<AssessmentPolicy>;
}

function metric(
  code: string,
  regionCode: string,
  year: number,
  numerator: number,
  denominator: number,
  target?: number,
): Metric {
  return {
    code,
    regionCode,
    year,
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    ...(target === undefined ? {} : { target }),
  };
}

/** The households (ids) that took part in at least one linkage in `year`. */
function participants(ctx: AssessmentContext, year: number): Set<string> {
  const result = new Set<string>();
  for (const y of ctx.index.linkageYearsByYear.get(year) ?? NONE) {
    if (!y.tookPart) continue;
    const l = ctx.index.linkagesById.get(y.linkageId);
    if (l) result.add(l.householdId);
  }
  return result;
}

/** Computes every assessment metric of a region for a year: additive numerators and denominators (see METRIC_DEFINITIONS). */
export function computeMetrics(ledger: Ledger, options: ComputeMetricsOptions): Metric[] {
  const ctx = createAssessmentContext(ledger, options);
  const { index, year, asOf, policy } = ctx;
  const region = options.regionCode;
  const within = (code: string) => code.startsWith(region);
  const out: Metric[] = [];
  const add = (code: MetricCode | `OUTCOME_SURVIVAL.${string}`, n: number, d: number, target?: number) =>
    out.push(metric(code, region, year, n, d, target));

  const households = ledger.households.filter((h) => within(h.villageCode));
  const registered = households.filter((h) => h.registeredYear <= year);
  const inRegion = new Set(households.map((h) => h.id));

  const tookPart = participants(ctx, year);
  const tookPartBefore = participants(ctx, year - 1);
  const subsidised = new Set((index.subsidiesByYear.get(year) ?? NONE).map((s) => s.householdId));
  const served = index.servedHouseholdsByYear.get(year) ?? new Set<string>();
  const projectsOfYear = ledger.projects.filter((p) => p.year === year);
  const beneficiaries = new Set(projectsOfYear.flatMap((p) => p.beneficiaryHouseholdIds));
  const hasIndustry = (id: string) => householdIndustriesOf(index, id, year).length > 0;
  const linked = (id: string) =>
    (index.linkagesByHousehold.get(id) ?? NONE).some((l) => linkageCoversYear(l, year));

  let supported = 0;
  let linkedRegistered = 0;
  let helped = 0;
  let stable = 0;
  let fiveOnes = 0;
  const stableYears = Array.from({ length: Math.max(policy.incomeStableYears, 1) }, (_, i) => year - i);
  for (const h of registered) {
    const industry = hasIndustry(h.id);
    const part = tookPart.has(h.id);
    const fund = subsidised.has(h.id) || beneficiaries.has(h.id);
    const service = served.has(h.id);
    if (industry || part || fund || service) supported++;
    if (part) linkedRegistered++;
    if ((index.helpersByHousehold.get(h.id) ?? NONE).some((r) => isResponsibilityCurrent(r, asOf))) helped++;
    const members = index.memberCounts.get(h.id) ?? 0;
    const isStable = stableYears.every((y) => {
      const income = incomeOf(index, h.id, y);
      return income !== undefined && perCapitaNetIncomeFen(income, members) >= policy.incomeLineFen;
    });
    if (members > 0 && isStable) stable++;
    if (industry && linked(h.id) && part && fund && service) fiveOnes++;
  }
  add("INDUSTRY_SUPPORT_COVERAGE", supported, registered.length);
  add("LINKAGE_COVERAGE", linkedRegistered, registered.length);

  let retained = 0;
  let before = 0;
  for (const id of tookPartBefore) {
    if (!inRegion.has(id)) continue;
    before++;
    if (tookPart.has(id)) retained++;
  }
  add("LINKAGE_RETENTION", retained, before);

  let paying = 0;
  let shallow = 0;
  let receivedFen = 0;
  for (const y of index.linkageYearsByYear.get(year) ?? NONE) {
    const l = index.linkagesById.get(y.linkageId);
    if (!l || !inRegion.has(l.householdId)) continue;
    receivedFen += y.receivedFen;
    if (y.receivedFen <= 0) continue;
    paying++;
    if (y.receivedFen < policy.shallowLinkageFen) shallow++;
  }
  let linkedHouseholds = 0;
  for (const id of tookPart) if (inRegion.has(id)) linkedHouseholds++;
  add("SHALLOW_LINKAGE_SHARE", shallow, paying);
  add("AVERAGE_LINKAGE_BENEFIT", receivedFen, linkedHouseholds);

  const projectRegion = new Map(ledger.projects.map((p) => [p.id, p.regionCode]));
  let industryFen = 0;
  let usedFen = 0;
  for (const u of index.fundUsesByYear.get(year) ?? NONE) {
    const where =
      (u.projectId !== null ? projectRegion.get(u.projectId) : undefined) ??
      index.funds.get(u.fundId)?.regionCode;
    if (where === undefined || !within(where)) continue;
    usedFen += u.amountFen;
    if (u.category === "industry") industryFen += u.amountFen;
  }
  add("FUND_INDUSTRY_SHARE", industryFen, usedFen, policy.industryFundShareTarget);

  const survival = new Map(ledger.industries.map((i) => [i.id, { survived: 0, started: 0 }]));
  for (const r of index.householdIndustriesByYear.get(year) ?? NONE) {
    const sums = survival.get(r.industryId);
    if (!sums || !inRegion.has(r.householdId)) continue;
    sums.survived += r.unitsSurvived;
    sums.started += r.unitsStarted;
  }
  for (const industry of ledger.industries) {
    const sums = survival.get(industry.id)!;
    add(`OUTCOME_SURVIVAL.${industry.code}`, sums.survived, sums.started);
  }

  let townships = 0;
  let townshipsWithPerson = 0;
  for (const r of ledger.regions) {
    if (r.level !== "township" || !within(r.code)) continue;
    townships++;
    if ((index.townshipPersons.get(r.code) ?? NONE).some((p) => isResponsibilityCurrent(p, asOf))) {
      townshipsWithPerson++;
    }
  }
  add("TOWNSHIPS_WITH_RESPONSIBLE_PERSON", townshipsWithPerson, townships);
  add("HOUSEHOLDS_WITH_HELPER", helped, registered.length);

  let due = 0;
  let onTime = 0;
  for (const r of ledger.rectifications) {
    if (!within(r.townshipCode) || yearOf(r.deadline) !== year) continue;
    const closed = r.status === "closed" && r.closedDate !== null && r.closedDate <= asOf;
    if (!closed && r.deadline >= asOf) continue;
    due++;
    if (closed && r.closedDate !== null && r.closedDate <= r.deadline) onTime++;
  }
  add("RECTIFICATIONS_CLOSED_ON_TIME", onTime, due);
  add("INCOME_STABLE_HOUSEHOLDS", stable, registered.length);
  add("FIVE_ONES_HOUSEHOLDS", fiveOnes, registered.length);

  add(...fiveOnesVillages(ctx, region, projectsOfYear, tookPart, subsidised, served));
  return out;
}

function fiveOnesVillages(
  ctx: AssessmentContext,
  region: string,
  projectsOfYear: AssessmentContext["ledger"]["projects"],
  tookPart: ReadonlySet<string>,
  subsidised: ReadonlySet<string>,
  served: ReadonlySet<string>,
): ["FIVE_ONES_VILLAGES", number, number] {
  const { ledger, index, year } = ctx;
  const villages = ledger.regions.filter((r) => r.level === "village" && r.code.startsWith(region));
  const codes = new Set(villages.map((v) => v.code));
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
    if ((index.linkagesByHousehold.get(h.id) ?? NONE).some((l) => linkageCoversYear(l, year)))
      has.entity.add(h.villageCode);
    if (tookPart.has(h.id)) has.linkage.add(h.villageCode);
    if (subsidised.has(h.id)) has.fund.add(h.villageCode);
    if (served.has(h.id)) has.service.add(h.villageCode);
  }
  for (const p of projectsOfYear) {
    if (codes.has(p.regionCode)) has.fund.add(p.regionCode);
    for (const id of p.beneficiaryHouseholdIds) {
      const h = index.households.get(id);
      if (h) has.fund.add(h.villageCode);
    }
  }
  for (const s of index.servicesByYear.get(year) ?? NONE) has.service.add(s.regionCode);
  let count = 0;
  for (const code of codes) {
    if (Object.values(has).every((set) => set.has(code))) count++;
  }
  return ["FIVE_ONES_VILLAGES", count, codes.size];
}

/** Adds up the metrics of several regions (e.g. townships into a county, counties into a city) under one region code. */
export function sumMetrics(lists: readonly (readonly Metric[])[], regionCode: string): Metric[] {
  const sums = new Map<string, { year: number; n: number; d: number; target?: number }>();
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.code}|${m.year}`;
      const s = sums.get(key) ?? {
        year: m.year,
        n: 0,
        d: 0,
        ...(m.target === undefined ? {} : { target: m.target }),
      };
      s.n += m.numerator;
      s.d += m.denominator;
      sums.set(key, s);
    }
  }
  return [...sums].map(([key, s]) =>
    metric(key.slice(0, key.lastIndexOf("|")), regionCode, s.year, s.n, s.d, s.target),
  );
}
