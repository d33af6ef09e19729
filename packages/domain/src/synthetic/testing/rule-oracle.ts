import { FINDING_SEVERITIES } from "../../assessment/detect-findings.js";
import type { FindingCode } from "../../assessment/finding-codes.js";
import { DEFAULT_POLICY } from "../../assessment/policy.js";
import type { Ledger } from "../../ledger/ledger.js";
import type { Linkage } from "../../linkage/linkage.js";
import type { Responsibility } from "../../responsibility/responsibility.js";

// The finding rules of assessment/README.md, written again here, plainly and independently of the
// detectors, so the generator's tests can check the planted report against the records themselves.

/** A problem the rules find: code, year and subject (and, for a rule over an entity's households, the township judged). */
export interface OracleHit {
  readonly code: FindingCode;
  readonly year: number;
  readonly subjectId: string;
  readonly township?: string;
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

/** Industries whose outcome counts living units (群 colonies, 只 birds, 头 livestock …), not areas (亩). */
const countableIndustries = (ledger: Ledger) =>
  new Set(
    ledger.industries
      .filter((i) => ["群", "只", "头", "羽", "尾", "株", "箱", "匹", "口"].includes(i.outcomeUnit))
      .map((i) => i.id),
  );

const covers = (l: Linkage, year: number) => l.startYear <= year && (l.endYear === null || year <= l.endYear);

/** Every hit of the rules in `year`, assessed on `asOfDate` (31 December, or the as-of date in the current year). */
export function oracleHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const p = DEFAULT_POLICY;
  const hits: OracleHit[] = [];
  const hit = (code: FindingCode, subjectId: string, township?: string) =>
    hits.push(township === undefined ? { code, year, subjectId } : { code, year, subjectId, township });
  const countable = countableIndustries(ledger);
  const households = new Map(ledger.households.map((h) => [h.id, h]));
  const entities = new Map(ledger.entities.map((e) => [e.id, e]));
  const ly = new Map(ledger.linkageYears.map((y) => [`${y.linkageId}|${y.year}`, y]));
  const linkagesOf = group(ledger.linkages, (l) => l.householdId);
  const hiOf = group(ledger.householdIndustries, (h) => `${h.householdId}|${h.year}`);
  const served = new Set(
    ledger.services.filter((s) => s.date.startsWith(`${year}-`)).flatMap((s) => s.householdIds),
  );
  const inForce = (from: string, to: string | null) => from <= asOfDate && (to === null || asOfDate <= to);
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const listed = new Set(ledger.members.map((m) => m.householdId));
  const able = new Set(
    ledger.members
      .filter((m) => m.labourAbility === "ordinary" || m.labourAbility === "skilled")
      .map((m) => m.householdId),
  );
  const yieldOf = (l: Linkage, y: number): number => {
    const record = ly.get(`${l.id}|${y}`);
    if (l.mode === "equity_dividend" && record?.investedFen != null)
      return Math.round(record.investedFen * 0.05);
    if (l.mode === "employment" && record?.monthsWorked != null)
      return Math.round(record.monthsWorked * 100_000);
    if (l.mode === "land_lease" && record?.areaMu != null) return Math.round(record.areaMu * 20_000);
    return {
      order_purchase: 100_000,
      land_lease: 20_000,
      employment: 150_000,
      equity_dividend: 30_000,
      entrusted_raising: 50_000,
      asset_income: 20_000,
    }[l.mode];
  };

  const personsOf = group(ledger.responsibilities, (x) => `${x.kind}|${x.villageCode ?? x.townshipCode}`);
  // Assignments starting in the year whose person was not in charge the day before (a split record is no change).
  const newPersons = (mine: readonly Responsibility[]) =>
    mine.filter((x) => {
      if (!x.validFrom.startsWith(`${year}-`) || x.validFrom > asOfDate) return false;
      const dayBefore = new Date(Date.parse(x.validFrom) - 86_400_000).toISOString().slice(0, 10);
      return !mine.some(
        (y) =>
          y.personName === x.personName &&
          y.validFrom <= dayBefore &&
          (y.validTo === null || dayBefore <= y.validTo),
      );
    });
  for (const r of ledger.regions) {
    if (r.level !== "township") continue;
    const mine = personsOf.get(`township_fixed_person|${r.code}`) ?? [];
    if (!mine.some((x) => inForce(x.validFrom, x.validTo)))
      hit("RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", r.code);
    if (newPersons(mine).length > p.townshipPersonChangesMax) hit("RESPONSIBILITY.TOWNSHIP_STAND_IN", r.code);
  }
  const registered = new Set(
    ledger.households.filter((h) => h.registeredYear <= year).map((h) => h.villageCode),
  );
  for (const r of ledger.regions) {
    if (r.level !== "village") continue;
    const judged = r.isPoorVillage || registered.has(r.code);
    const mine = personsOf.get(`village_responsible_person|${r.code}`) ?? [];
    if (judged && !mine.some((x) => inForce(x.validFrom, x.validTo)))
      hit("RESPONSIBILITY.VILLAGE_WITHOUT_PERSON", r.code);
    if (judged && newPersons(mine).length > p.villagePersonChangesMax)
      hit("RESPONSIBILITY.VILLAGE_STAND_IN", r.code);
  }
  const helped = new Set(
    ledger.responsibilities
      .filter((x) => x.kind === "household_helper" && inForce(x.validFrom, x.validTo))
      .map((x) => x.householdId),
  );
  for (const h of ledger.households) {
    if (h.registeredYear <= year && !helped.has(h.id)) hit("RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER", h.id);
  }

  const received = (h: string, y: number) =>
    (linkagesOf.get(h) ?? []).some((l) => (ly.get(`${l.id}|${y}`)?.receivedFen ?? 0) > 0);
  const tookPart = (h: string, y: number) =>
    (linkagesOf.get(h) ?? []).some((l) => ly.get(`${l.id}|${y}`)?.tookPart === true);
  const subsidyFen = new Map<string, number>();
  const scatteredFen = new Map<string, number>();
  const forget = new Set<string>();
  for (const s of ledger.subsidies) {
    const y = Number(s.date.slice(0, 4));
    if (y === year) {
      const t = households.get(s.householdId)!.villageCode.slice(0, 9);
      subsidyFen.set(t, (subsidyFen.get(t) ?? 0) + s.amountFen);
      if (s.amountFen < p.smallSubsidyFen && !served.has(s.householdId) && !tookPart(s.householdId, year))
        scatteredFen.set(t, (scatteredFen.get(t) ?? 0) + s.amountFen);
    }
    if (y === year - 1 && !received(s.householdId, year)) forget.add(s.householdId);
  }
  for (const [t, fen] of scatteredFen)
    if (fen / subsidyFen.get(t)! >= p.pepperSprayShare) hit("SUBSIDY.PEPPER_SPRAY", t);
  const subsidiesLastYear = group(
    ledger.subsidies.filter((s) => s.date.startsWith(`${year - 1}-`)),
    (s) => s.householdId,
  );
  const servicesSince = ledger.services.filter((s) => s.date >= `${year - 1}-01-01` && s.date <= asOfDate);
  for (const h of forget) {
    const mine = subsidiesLastYear.get(h)!;
    const named = new Set(mine.flatMap((s) => (s.industryId === null ? [] : [s.industryId])));
    const any = mine.some((s) => s.industryId === null);
    const kept = (hiOf.get(`${h}|${year}`) ?? []).some((r) => any || named.has(r.industryId));
    const since = mine.map((s) => s.date).sort()[0]!;
    const village = households.get(h)!.villageCode;
    const servedAfter = servicesSince.some(
      (s) =>
        s.date >= since &&
        (s.householdIds.includes(h) || (s.regionCode === village && named.has(s.industryId ?? ""))),
    );
    if (!kept && !servedAfter) hit("SUPPORT.SUBSIDISE_AND_FORGET", h);
  }

  // Each township's households of an entity are judged apart (shield, retention, shell).
  const townshipOfHousehold = (id: string) => households.get(id)!.villageCode.slice(0, 9);
  const entityTownships = group(
    ledger.linkages,
    (l) => `${l.entityId}|${townshipOfHousehold(l.householdId)}`,
  );
  for (const [key, links] of entityTownships) {
    const [entityId, township] = key.split("|") as [string, string];
    const current = links.filter((l) => covers(l, year));
    const anyHelp = current.some(
      (l) => served.has(l.householdId) || (ly.get(`${l.id}|${year}`)?.receivedFen ?? 0) >= yieldOf(l, year),
    );
    if (current.length > 0 && !anyHelp) hit("ENTITY.SHIELD", entityId, township);
    const before = new Set(
      links.filter((l) => ly.get(`${l.id}|${year - 1}`)?.tookPart).map((l) => l.householdId),
    );
    const now = new Set(links.filter((l) => ly.get(`${l.id}|${year}`)?.tookPart).map((l) => l.householdId));
    const stayed = [...before].filter((h) => now.has(h)).length;
    if (before.size >= p.retentionMinHouseholds && stayed / before.size < p.retentionAlertRate) {
      hit("LINKAGE.YEAR_TWO_EXIT", entityId, township);
    }
    const entity = entities.get(entityId)!;
    if (entity.kind === "cooperative" && current.length > 0) {
      const active = ledger.entityActivities.some(
        (a) => a.entityId === entityId && a.date.startsWith(`${year}-`) && a.kind !== "meeting",
      );
      if (!active) hit("ENTITY.EMPTY_SHELL", entityId, township);
    }
  }

  const vis = ledger.villageIndustries.filter((v) => v.year === year);
  // Failing where households kept it: at least 3 kept it last year or this year, half of them did poorly
  // (survival of living units below the alert rate, gave it up, or halved it).
  const householdsOfVillage = group(ledger.households, (h) => h.villageCode);
  const failing = (villages: ReadonlySet<string>, industryId: string) => {
    let kept = 0;
    let poor = 0;
    for (const h of [...villages].flatMap((v) => householdsOfVillage.get(v) ?? [])) {
      const before = (hiOf.get(`${h.id}|${year - 1}`) ?? []).find((r) => r.industryId === industryId);
      const now = (hiOf.get(`${h.id}|${year}`) ?? []).find((r) => r.industryId === industryId);
      if (!before && !now) continue;
      kept++;
      const low =
        now !== undefined &&
        countable.has(industryId) &&
        now.unitsStarted > 0 &&
        now.unitsSurvived / now.unitsStarted < p.survivalAlertRate;
      const had = before !== undefined && before.unitsStarted > 0;
      if (low || (had && (!now || now.unitsStarted <= before.unitsStarted * p.industryShrinkRate))) poor++;
    }
    return kept >= p.failingIndustryMinHouseholds && poor / kept >= p.failingIndustryShare;
  };
  for (const v of vis) {
    if (v.scaledUp && v.trialStatus !== "trialled" && failing(new Set([v.villageCode]), v.industryId))
      hit("INDUSTRY.SCALE_UP_WITHOUT_TRIAL", v.villageCode);
  }
  for (const [township, list] of group(vis, (v) => v.villageCode.slice(0, 9))) {
    const villages = new Set(list.map((v) => v.villageCode));
    if (villages.size < p.homogenisationMinVillages) continue;
    for (const [industryId, chosen] of group(list, (v) => v.industryId)) {
      const where = new Set(chosen.map((v) => v.villageCode));
      if (where.size / villages.size >= p.homogenisationShare && failing(where, industryId)) {
        hit("INDUSTRY.HOMOGENISATION", township);
        break;
      }
    }
  }

  for (const l of ledger.linkages) {
    if (!covers(l, year)) continue;
    const y = ly.get(`${l.id}|${year}`);
    if (year <= Number(asOfDate.slice(0, 4)) && (!y?.tookPart || y.receivedFen === 0))
      hit("LINKAGE.FAKE", l.id);
    if (l.mode === "order_purchase") {
      const industry = l.industryId ?? entities.get(l.entityId)!.industryId;
      const own = (hiOf.get(`${l.householdId}|${year}`) ?? []).some(
        (r) => industry === null || r.industryId === industry,
      );
      if (!own) hit("LINKAGE.FORCED", l.id);
    }
    if (l.mode === "employment" && listed.has(l.householdId) && !able.has(l.householdId))
      hit("LINKAGE.FORCED", l.id);
  }
  const linkageById = new Map(ledger.linkages.map((l) => [l.id, l]));
  for (const y of ledger.linkageYears) {
    if (y.year === year && y.receivedFen > 0 && y.receivedFen < yieldOf(linkageById.get(y.linkageId)!, year))
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
    const failed =
      countable.has(r.industryId) &&
      r.unitsStarted > 0 &&
      r.unitsSurvived / r.unitsStarted < p.survivalAlertRate;
    if (failed) survival.add(r.householdId);
    const before = lastYear.get(`${r.householdId}|${r.industryId}`);
    if (failed && before !== undefined && r.debtFen > before) debt.add(r.householdId);
  }
  for (const h of survival) hit("OUTCOME.LOW_SURVIVAL", h);
  for (const h of debt) hit("OUTCOME.DEBT_GROWTH", h);

  const uses = ledger.fundUses.filter((u) => u.year === year);
  const paid = ledger.subsidies.filter((s) => s.fundId !== null && s.date.startsWith(`${year}-`));
  const sum = (list: readonly { amountFen: number }[]) => list.reduce((s, u) => s + u.amountFen, 0);
  const total = sum(uses) + sum(paid);
  const industry = sum(uses.filter((u) => u.category === "industry")) + sum(paid);
  const target = year >= 2023 ? 0.6 : year >= 2021 ? 0.55 : null;
  if (target !== null && total > 0 && industry / total < target)
    hit("FUNDS.LOW_INDUSTRY_SHARE", ledger.countyCode);
  const welfare = sum(
    uses.filter((u) => ["equity_in_enterprise", "photovoltaic", "welfare"].includes(u.category)),
  );
  if (total > 0 && welfare / total > p.panWelfareShareMax) hit("FUNDS.PAN_WELFARE", ledger.countyCode);
  for (const f of ledger.funds) {
    if (f.year !== year) continue;
    const spent =
      sum(ledger.fundUses.filter((u) => u.fundId === f.id)) +
      sum(ledger.subsidies.filter((s) => s.fundId === f.id));
    if (spent > f.allocatedFen) hit("FUNDS.OVERSPENT", f.id);
  }
  for (const project of ledger.projects) {
    const order = ["application", "review", "appraisal", "approval", "public_notice"];
    const i = project.stages.findIndex((s) => !order.includes(s.stage));
    if (i <= 0 || !project.stages[i]!.date.startsWith(`${year}-`) || project.stages[i]!.date > asOfDate)
      continue;
    const notice = project.stages[i - 1]!;
    if (
      notice.stage !== "public_notice" ||
      days(notice.date, project.stages[i]!.date) < p.publicNoticeMinDays
    )
      hit("PROJECT.NOTICE_SHORT", project.id);
  }

  for (const r of ledger.rectifications) {
    const open = r.closedDate === null || r.closedDate > asOfDate;
    if (open && r.deadline < asOfDate) hit("RECTIFICATION.OVERDUE", r.id);
    if (
      r.status === "open" &&
      Number(r.foundDate.slice(0, 4)) <= year &&
      days(r.foundDate, asOfDate) > p.rectificationPlanGraceDays
    ) {
      hit("RECTIFICATION.NO_PLAN", r.id);
    }
  }
  return [...hits, ...oversightHits(ledger, year, asOfDate)];
}

/** The hits of the rules on project oversight, slipped timetables and failing industries left alone. */
function oversightHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const p = DEFAULT_POLICY;
  const hits: OracleHit[] = [];
  const hit = (code: FindingCode, subjectId: string) => hits.push({ code, year, subjectId });
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const before = ["application", "review", "appraisal", "approval", "public_notice"];
  for (const project of ledger.projects) {
    if (project.year > year) continue;
    const reached = project.stages.filter((s) => s.date <= asOfDate);
    const last = reached[reached.length - 1];
    if (last && before.includes(last.stage) && Number(last.date.slice(0, 4)) <= year)
      if (days(last.date, asOfDate) > p.projectStallDays) hit("PROJECT.STALLED", project.id);
    const begun = reached.find((s) => s.stage === "implementation");
    const accepted = reached.some((s) => s.stage === "acceptance" || s.stage === "handover");
    if (begun && !accepted && days(begun.date, asOfDate) > p.acceptanceDueDays)
      hit("PROJECT.NOT_ACCEPTED", project.id);
  }
  for (const r of ledger.rectifications) {
    const closed = r.closedDate !== null && r.closedDate <= asOfDate;
    if (closed || r.plan === null || r.foundDate > asOfDate || r.deadline < asOfDate) continue;
    if (r.plan.milestones.some((m) => m.due < asOfDate && (m.doneDate === null || m.doneDate > asOfDate)))
      hit("RECTIFICATION.MILESTONE_SLIPPED", r.id);
  }
  const services = ledger.services.filter((s) => s.date.startsWith(`${year}-`));
  const listed = new Set(services.flatMap((s) => s.householdIds));
  const villageOf = new Map(ledger.households.map((h) => [h.id, h.villageCode]));
  for (const r of ledger.householdIndustries) {
    if (r.year !== year || r.unitsStarted === 0 || r.unitsSurvived / r.unitsStarted >= p.survivalAlertRate)
      continue;
    if (!countableIndustries(ledger).has(r.industryId)) continue;
    const village = villageOf.get(r.householdId);
    const visited = services.some((s) => s.regionCode === village && s.industryId === r.industryId);
    if (!listed.has(r.householdId) && !visited) hit("OUTCOME.FAILING_WITHOUT_SERVICE", r.householdId);
  }
  return hits;
}

/** 一捆了之: money placed with an entity a year or more ago, not repaid before the year, and in the year nothing back or no part taken (a household with no one able to work may be paid 5% instead). */
function bundledHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const able = new Set(
    ledger.members
      .filter((m) => m.labourAbility === "ordinary" || m.labourAbility === "skilled")
      .map((m) => m.householdId),
  );
  const listed = new Set(ledger.members.map((m) => m.householdId));
  const hits: OracleHit[] = [];
  for (const c of ledger.credits) {
    if (c.entityId === null || days(c.placedDate, asOfDate) < 365) continue;
    const mine = ledger.creditReturns.filter((r) => r.creditId === c.id && r.date <= asOfDate);
    const repaid = mine.filter((r) => r.kind === "repayment" && r.date < `${year}-01-01`);
    if (repaid.reduce((s, r) => s + r.amountFen, 0) >= c.amountFen) continue;
    const got = mine.filter((r) => r.date.startsWith(`${year}-`)).reduce((s, r) => s + r.amountFen, 0);
    const worked = ledger.linkages.some(
      (l) =>
        l.householdId === c.householdId &&
        l.entityId === c.entityId &&
        ledger.linkageYears.some((y) => y.linkageId === l.id && y.year === year && y.tookPart),
    );
    if (got > 0 && worked) continue;
    if (got > 0 && listed.has(c.householdId) && !able.has(c.householdId) && got * 20 >= c.amountFen) continue;
    hits.push({ code: "LINKAGE.BUNDLED", year, subjectId: c.id });
  }
  return hits;
}

/** 覆盖底数: a household registered by the year with no industry record, no linkage covering the year and in no project of the year or earlier that was applied for by the assessment date. */
function uncoveredHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const covered = new Set<string>();
  for (const r of ledger.householdIndustries) if (r.year === year) covered.add(r.householdId);
  for (const l of ledger.linkages) if (covers(l, year)) covered.add(l.householdId);
  for (const p of ledger.projects)
    if (p.year <= year && p.stages.some((s) => s.date <= asOfDate))
      for (const id of p.beneficiaryHouseholdIds) covered.add(id);
  return ledger.households
    .filter((h) => h.registeredYear <= year && !covered.has(h.id))
    .map((h) => ({ code: "INDUSTRY.HOUSEHOLD_NOT_COVERED", year, subjectId: h.id }));
}

/**
 * 贫困村覆盖底数: a poor village with a household registered by the year, no project of the year or
 * earlier sited in it and applied for by the assessment date, and fewer than half of its registered
 * households with an industry record of the year, a linkage covering it or a place in such a project.
 */
function uncoveredVillageHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const entered = ledger.projects.filter((p) => p.year <= year && p.stages.some((s) => s.date <= asOfDate));
  const uncovered = new Set(uncoveredHits(ledger, year, asOfDate).map((h) => h.subjectId));
  return ledger.regions
    .filter((r) => r.level === "village" && r.isPoorVillage)
    .filter((r) => !entered.some((p) => p.regionCode === r.code))
    .filter((r) => {
      const registered = ledger.households.filter(
        (h) => h.villageCode === r.code && h.registeredYear <= year,
      );
      const reached = registered.filter((h) => !uncovered.has(h.id)).length;
      return registered.length > 0 && reached < DEFAULT_POLICY.poorVillageCoveredShareMin * registered.length;
    })
    .map((r) => ({ code: "INDUSTRY.VILLAGE_NOT_COVERED", year, subjectId: r.code }));
}

/** 先拨后批: a project paid in the year before its approval, or with no approval by the assessment date. */
function disbursedEarlyHits(ledger: Ledger, year: number, asOfDate: string): OracleHit[] {
  const subjects = new Set<string>();
  for (const d of ledger.disbursements) {
    if (d.projectId === null || !d.date.startsWith(`${year}-`) || d.date > asOfDate) continue;
    const project = ledger.projects.find((p) => p.id === d.projectId)!;
    const approval = project.stages.find((s) => s.stage === "approval" && s.date <= asOfDate);
    if (!approval || d.date < approval.date) subjects.add(project.id);
  }
  return [...subjects].map((subjectId) => ({ code: "PROJECT.DISBURSED_BEFORE_APPROVAL", year, subjectId }));
}

/** Every hit of the rules over the window `firstYear` … the year of `asOf`. */
export function oracleHitsOverWindow(ledger: Ledger, firstYear: number, asOf: string): OracleHit[] {
  const last = Number(asOf.slice(0, 4));
  const hits: OracleHit[] = [];
  for (let year = firstYear; year <= last; year++) {
    const asOfDate = year < last ? `${year}-12-31` : asOf;
    const found = [
      ...oracleHits(ledger, year, asOfDate),
      ...bundledHits(ledger, year, asOfDate),
      ...disbursedEarlyHits(ledger, year, asOfDate),
      ...uncoveredHits(ledger, year, asOfDate),
      ...uncoveredVillageHits(ledger, year, asOfDate),
    ];
    hits.push(...found, ...withoutItemHits(ledger, year, asOf, found));
  }
  return hits;
}

/** The township a subject lies in (a household's, a linkage's or a credit's household's, an entity's, a project's, a fund's, a rectification's, a region's), or null for the county's. */
function townshipsOf(ledger: Ledger): (subjectId: string) => string | null {
  const regionOf = new Map<string, string>([
    ...ledger.regions.map((r) => [r.code, r.code] as const),
    ...ledger.entities.map((e) => [e.id, e.regionCode] as const),
    ...ledger.households.map((h) => [h.id, h.villageCode] as const),
    ...ledger.projects.map((x) => [x.id, x.regionCode] as const),
    ...ledger.funds.map((f) => [f.id, f.regionCode] as const),
    ...ledger.rectifications.map((r) => [r.id, r.townshipCode] as const),
  ]);
  for (const l of ledger.linkages) regionOf.set(l.id, regionOf.get(l.householdId)!);
  for (const c of ledger.credits) regionOf.set(c.id, regionOf.get(c.householdId)!);
  return (subjectId) => {
    const region = regionOf.get(subjectId);
    return region && region.length >= 9 ? region.slice(0, 9) : null;
  };
}

/** 问题无整改事项: each high or critical hit of the year with no rectification of its township (any, for the county's) naming its code (and its subject, or none) once 60 days have passed after the year. */
function withoutItemHits(
  ledger: Ledger,
  year: number,
  today: string,
  found: readonly OracleHit[],
): OracleHit[] {
  const due = new Date(Date.parse(`${year}-12-31`) + DEFAULT_POLICY.rectificationItemGraceDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  if (today <= due) return [];
  const hits: OracleHit[] = [];
  const townshipOf = townshipsOf(ledger);
  const items = group(
    ledger.rectifications.filter((r) => r.findingCode !== null),
    (r) => r.findingCode!,
  );
  for (const f of found) {
    if (!["high", "critical"].includes(FINDING_SEVERITIES[f.code])) continue;
    const township = f.township ?? townshipOf(f.subjectId);
    const answered = (items.get(f.code) ?? []).some(
      (r) =>
        r.foundDate <= today &&
        (r.closedDate === null || r.closedDate >= `${year}-01-01`) &&
        (r.subjectId === null || r.subjectId === f.subjectId) &&
        (township === null || r.townshipCode === township),
    );
    if (!answered)
      hits.push({ code: "RECTIFICATION.FINDING_WITHOUT_ITEM", year, subjectId: `${f.code}|${f.subjectId}` });
  }
  return hits;
}
