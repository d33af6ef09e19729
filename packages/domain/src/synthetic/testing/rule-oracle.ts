import type { FindingCode } from "../../assessment/finding-codes.js";
import { DEFAULT_POLICY } from "../../assessment/policy.js";
import type { Ledger } from "../../ledger/ledger.js";
import type { Linkage } from "../../linkage/linkage.js";

// The finding rules of assessment/README.md, written again here, plainly and independently of the
// detectors, so the generator's tests can check the planted report against the records themselves.

/** A problem the rules find: code, year and subject. */
export interface OracleHit {
  readonly code: FindingCode;
  readonly year: number;
  readonly subjectId: string;
}

/** `code|year|subjectId` */
export function hitKey(h: { code: string; year: number; subjectId: string }): string {
  return `${h.code}|${h.year}|${h.subjectId}`;
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const covers = (l: Linkage, year: number) => l.startYear <= year && (l.endYear === null || year <= l.endYear);

/** Every hit of the 18 rules in `year`, assessed on `asOfDate` (31 December, or the as-of date in the current year). */
export function oracleHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const p = DEFAULT_POLICY;
  const hits: OracleHit[] = [];
  const hit = (code: FindingCode, subjectId: string) => hits.push({ code, year, subjectId });
  const households = new Map(ledger.households.map((h) => [h.id, h]));
  const entities = new Map(ledger.entities.map((e) => [e.id, e]));
  const ly = new Map(ledger.linkageYears.map((y) => [`${y.linkageId}|${y.year}`, y]));
  const linkagesOf = group(ledger.linkages, (l) => l.householdId);
  const linkagesOfEntity = group(ledger.linkages, (l) => l.entityId);
  const hiOf = group(ledger.householdIndustries, (h) => `${h.householdId}|${h.year}`);
  const served = new Set(
    ledger.services.filter((s) => s.date.startsWith(`${year}-`)).flatMap((s) => s.householdIds),
  );
  const inForce = (from: string, to: string | null) => from <= asOfDate && (to === null || asOfDate <= to);

  for (const r of ledger.regions) {
    if (r.level !== "township") continue;
    const ok = ledger.responsibilities.some(
      (x) =>
        x.kind === "township_fixed_person" && x.townshipCode === r.code && inForce(x.validFrom, x.validTo),
    );
    if (!ok) hit("RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", r.code);
  }
  const helped = new Set(
    ledger.responsibilities
      .filter((x) => x.kind === "household_helper" && inForce(x.validFrom, x.validTo))
      .map((x) => x.householdId),
  );
  for (const h of ledger.households) {
    if (h.registeredYear <= year && !helped.has(h.id)) hit("RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER", h.id);
  }

  const hasHi = (h: string, y: number) => hiOf.has(`${h}|${y}`);
  const received = (h: string, y: number) =>
    (linkagesOf.get(h) ?? []).some((l) => (ly.get(`${l.id}|${y}`)?.receivedFen ?? 0) > 0);
  const pepper = new Set<string>();
  const forget = new Set<string>();
  for (const s of ledger.subsidies) {
    const y = Number(s.date.slice(0, 4));
    if (y === year && s.amountFen < p.smallSubsidyFen) {
      const linked = (linkagesOf.get(s.householdId) ?? []).some((l) => covers(l, year));
      if (!linked && !served.has(s.householdId) && !hasHi(s.householdId, year)) pepper.add(s.householdId);
    }
    if (y === year - 1 && !received(s.householdId, year) && !hasHi(s.householdId, year))
      forget.add(s.householdId);
  }
  for (const h of pepper) hit("SUBSIDY.PEPPER_SPRAY", h);
  for (const h of forget) hit("SUPPORT.SUBSIDISE_AND_FORGET", h);

  for (const [entityId, links] of linkagesOfEntity) {
    const current = links.filter((l) => covers(l, year));
    const anyHelp = current.some(
      (l) => (ly.get(`${l.id}|${year}`)?.receivedFen ?? 0) > 0 || served.has(l.householdId),
    );
    if (current.length > 0 && !anyHelp) hit("ENTITY.SHIELD", entityId);
    const before = new Set(
      links.filter((l) => ly.get(`${l.id}|${year - 1}`)?.tookPart).map((l) => l.householdId),
    );
    const now = new Set(links.filter((l) => ly.get(`${l.id}|${year}`)?.tookPart).map((l) => l.householdId));
    const stayed = [...before].filter((h) => now.has(h)).length;
    if (before.size >= p.retentionMinHouseholds && stayed / before.size < p.retentionAlertRate) {
      hit("LINKAGE.YEAR_TWO_EXIT", entityId);
    }
    const entity = entities.get(entityId)!;
    if (entity.kind === "cooperative" && current.length > 0) {
      const active = ledger.entityActivities.some(
        (a) => a.entityId === entityId && a.date.startsWith(`${year}-`),
      );
      if (!active) hit("ENTITY.EMPTY_SHELL", entityId);
    }
  }

  const vis = ledger.villageIndustries.filter((v) => v.year === year);
  for (const v of vis) {
    if (v.scaledUp && v.trialStatus !== "trialled") hit("INDUSTRY.SCALE_UP_WITHOUT_TRIAL", v.villageCode);
  }
  for (const [township, list] of group(vis, (v) => v.villageCode.slice(0, 9))) {
    const villages = new Set(list.map((v) => v.villageCode));
    if (villages.size < p.homogenisationMinVillages) continue;
    const byIndustry = group(list, (v) => v.industryId);
    const top = Math.max(...[...byIndustry.values()].map((l) => new Set(l.map((v) => v.villageCode)).size));
    if (top / villages.size >= p.homogenisationShare) hit("INDUSTRY.HOMOGENISATION", township);
  }

  for (const l of ledger.linkages) {
    if (!covers(l, year)) continue;
    const y = ly.get(`${l.id}|${year}`);
    if (year <= Number(asOfDate.slice(0, 4)) && (!y?.tookPart || y.receivedFen === 0))
      hit("LINKAGE.FAKE", l.id);
    const entity = entities.get(l.entityId)!;
    const household = households.get(l.householdId)!;
    if (entity.regionCode.slice(0, 9) !== household.villageCode.slice(0, 9)) {
      const industry = entity.industryId ?? l.industryId;
      const own = (hiOf.get(`${l.householdId}|${year}`) ?? []).some(
        (r) => industry === null || r.industryId === industry,
      );
      if (!own) hit("LINKAGE.FORCED", l.id);
    }
  }
  for (const y of ledger.linkageYears) {
    if (y.year === year && y.receivedFen > 0 && y.receivedFen < p.shallowLinkageFen)
      hit("LINKAGE.SHALLOW", y.linkageId);
  }

  const lastYear = new Map(
    ledger.householdIndustries
      .filter((r) => r.year === year - 1)
      .map((r) => [`${r.householdId}|${r.industryId}`, r.debtFen]),
  );
  const survival = new Set<string>();
  const debt = new Set<string>();
  for (const r of ledger.householdIndustries) {
    if (r.year !== year) continue;
    if (r.unitsStarted > 0 && r.unitsSurvived / r.unitsStarted < p.survivalAlertRate)
      survival.add(r.householdId);
    const before = lastYear.get(`${r.householdId}|${r.industryId}`);
    if (before !== undefined && r.debtFen > before) debt.add(r.householdId);
  }
  for (const h of survival) hit("OUTCOME.LOW_SURVIVAL", h);
  for (const h of debt) hit("OUTCOME.DEBT_GROWTH", h);

  const uses = ledger.fundUses.filter((u) => u.year === year);
  const total = uses.reduce((s, u) => s + u.amountFen, 0);
  const industry = uses.filter((u) => u.category === "industry").reduce((s, u) => s + u.amountFen, 0);
  if (total > 0 && industry / total < p.industryFundShareTarget)
    hit("FUNDS.LOW_INDUSTRY_SHARE", ledger.countyCode);
  const welfare = new Set(
    uses
      .filter(
        (u) =>
          u.category === "equity_in_enterprise" || u.category === "photovoltaic" || u.category === "welfare",
      )
      .map((u) => u.fundId),
  );
  for (const f of welfare) hit("FUNDS.PAN_WELFARE", f);

  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  for (const r of ledger.rectifications) {
    if (r.status !== "closed" && r.deadline < asOfDate) hit("RECTIFICATION.OVERDUE", r.id);
    if (
      r.status === "open" &&
      Number(r.foundDate.slice(0, 4)) <= year &&
      days(r.foundDate, asOfDate) > p.rectificationPlanGraceDays
    ) {
      hit("RECTIFICATION.NO_PLAN", r.id);
    }
  }
  return hits;
}

/** Every hit of the rules over the window `firstYear` … the year of `asOf`. */
export function oracleHitsOverWindow(ledger: Ledger, firstYear: number, asOf: string): OracleHit[] {
  const last = Number(asOf.slice(0, 4));
  const hits: OracleHit[] = [];
  for (let year = firstYear; year <= last; year++) {
    hits.push(...oracleHits(ledger, year, year < last ? `${year}-12-31` : asOf));
  }
  return hits;
}
