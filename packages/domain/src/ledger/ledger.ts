import type { BusinessEntity, EntityActivity } from "../entities/business-entity.js";
import type { Fund, FundUse } from "../funds/fund.js";
import type { Household } from "../households/household.js";
import type { Income } from "../households/income.js";
import type { Member } from "../households/member.js";
import type { HouseholdIndustry, Industry, VillageIndustry } from "../industries/industry.js";
import { type Linkage, type LinkageYear, linkageCoversYear } from "../linkage/linkage.js";
import type { Monitoring } from "../monitoring/monitoring.js";
import { checkStageOrder, type Project } from "../projects/project.js";
import type { Rectification } from "../rectification/rectification.js";
import type { Region } from "../regions/region.js";
import type { Responsibility } from "../responsibility/responsibility.js";
import { err, ok, type Result } from "../shared/result.js";
import type { Subsidy } from "../support/subsidy.js";
import type { TechnicalService } from "../support/technical-service.js";

/** Every record of a county's ledger (台账), each collection a readonly array. */
export interface LedgerData {
  /** The county (6-digit code) this ledger belongs to. */
  readonly countyCode: string;
  readonly regions: readonly Region[];
  readonly households: readonly Household[];
  readonly members: readonly Member[];
  readonly incomes: readonly Income[];
  readonly industries: readonly Industry[];
  readonly villageIndustries: readonly VillageIndustry[];
  readonly householdIndustries: readonly HouseholdIndustry[];
  readonly entities: readonly BusinessEntity[];
  readonly entityActivities: readonly EntityActivity[];
  readonly linkages: readonly Linkage[];
  readonly linkageYears: readonly LinkageYear[];
  readonly subsidies: readonly Subsidy[];
  readonly services: readonly TechnicalService[];
  readonly funds: readonly Fund[];
  readonly fundUses: readonly FundUse[];
  readonly projects: readonly Project[];
  readonly responsibilities: readonly Responsibility[];
  readonly rectifications: readonly Rectification[];
  readonly monitorings: readonly Monitoring[];
}

/** A county's ledger whose cross-record invariants hold (build it with `createLedger`). */
export type Ledger = LedgerData & { readonly __validated: true };

/** Codes of the cross-record invariants a ledger must keep. */
export type LedgerViolationCode =
  | "LEDGER.DUPLICATE_ID"
  | "LEDGER.DUPLICATE_ID_NUMBER"
  | "LEDGER.UNKNOWN_REFERENCE"
  | "LEDGER.WRONG_COUNTY"
  | "LEDGER.WRONG_TOWNSHIP"
  | "LEDGER.UNKNOWN_REGION"
  | "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE"
  | "LEDGER.DUPLICATE_LINKAGE_YEAR"
  | "LEDGER.PROJECT_STAGE_ORDER"
  | "LEDGER.RECTIFICATION_MILESTONES_PENDING"
  | "LEDGER.INVALID_AMOUNT"
  | "LEDGER.FUND_OVERSPENT"
  | "LEDGER.HOUSEHOLD_HEAD";

/** One broken invariant, with the records behind it. */
export interface LedgerViolation {
  readonly code: LedgerViolationCode;
  readonly message: string;
  readonly recordIds: readonly string[];
}

/** The error of `createLedger`: every violation found. */
export interface LedgerError {
  readonly code: "LEDGER.INVALID";
  readonly message: string;
  readonly violations: readonly LedgerViolation[];
}

/** An empty ledger for a county. */
export function emptyLedgerData(countyCode: string): LedgerData {
  return {
    countyCode,
    regions: [],
    households: [],
    members: [],
    incomes: [],
    industries: [],
    villageIndustries: [],
    householdIndustries: [],
    entities: [],
    entityActivities: [],
    linkages: [],
    linkageYears: [],
    subsidies: [],
    services: [],
    funds: [],
    fundUses: [],
    projects: [],
    responsibilities: [],
    rectifications: [],
    monitorings: [],
  };
}

const COLLECTIONS = [
  "households",
  "members",
  "incomes",
  "industries",
  "villageIndustries",
  "householdIndustries",
  "entities",
  "entityActivities",
  "linkages",
  "linkageYears",
  "subsidies",
  "services",
  "funds",
  "fundUses",
  "projects",
  "responsibilities",
  "rectifications",
  "monitorings",
] as const satisfies readonly (keyof LedgerData)[];

function isFen(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Checks every cross-record invariant of a ledger and returns the violations (empty when it holds). */
export function validateLedger(data: LedgerData): LedgerViolation[] {
  const violations: LedgerViolation[] = [];
  const add = (code: LedgerViolationCode, message: string, recordIds: readonly string[]) =>
    violations.push({ code, message, recordIds });
  const county = data.countyCode;

  const ids = new Map<string, Set<string>>();
  for (const name of COLLECTIONS) {
    const seen = new Set<string>();
    for (const record of data[name] as readonly { id: string }[]) {
      if (seen.has(record.id))
        add("LEDGER.DUPLICATE_ID", `${name}: id ${record.id} is used twice`, [record.id]);
      seen.add(record.id);
    }
    ids.set(name, seen);
  }
  const has = (name: (typeof COLLECTIONS)[number], id: string) => ids.get(name)!.has(id);
  const ref = (from: string, field: string, name: (typeof COLLECTIONS)[number], id: string | null) => {
    if (id !== null && !has(name, id)) {
      add("LEDGER.UNKNOWN_REFERENCE", `${from}: ${field} ${id} is not in ${name}`, [from, id]);
    }
  };

  const regionCodes = new Set<string>();
  const inCounty = (code: string) => code.startsWith(county);
  for (const region of data.regions) {
    if (regionCodes.has(region.code))
      add("LEDGER.DUPLICATE_ID", `regions: code ${region.code} is used twice`, [region.code]);
    regionCodes.add(region.code);
    // The province and city above the county may be listed; anything else must lie inside it.
    if (!inCounty(region.code) && !(region.code.length < county.length && county.startsWith(region.code))) {
      add("LEDGER.WRONG_COUNTY", `region ${region.code} is not under county ${county}`, [region.code]);
    }
  }
  const checkRegion = (recordId: string, code: string) => {
    if (!inCounty(code))
      add("LEDGER.WRONG_COUNTY", `${recordId}: region ${code} is not under county ${county}`, [recordId]);
    else if (!regionCodes.has(code))
      add("LEDGER.UNKNOWN_REGION", `${recordId}: region ${code} is not in the ledger`, [recordId]);
  };

  for (const h of data.households) checkRegion(h.id, h.villageCode);

  const byIdNumber = new Map<string, Member>();
  const heads = new Map<string, number>();
  for (const m of data.members) {
    ref(m.id, "householdId", "households", m.householdId);
    const other = byIdNumber.get(m.idNumber);
    if (other) {
      add(
        "LEDGER.DUPLICATE_ID_NUMBER",
        `ID number ${m.idNumber.slice(0, 6)}…${m.idNumber.slice(-4)} appears in members ${other.id} and ${m.id}: a person belongs to at most one household`,
        [other.id, m.id],
      );
    } else byIdNumber.set(m.idNumber, m);
    if (m.relation === "head") heads.set(m.householdId, (heads.get(m.householdId) ?? 0) + 1);
  }
  for (const [householdId, count] of heads) {
    if (count > 1) add("LEDGER.HOUSEHOLD_HEAD", `household ${householdId} has ${count} heads`, [householdId]);
  }

  for (const i of data.incomes) ref(i.id, "householdId", "households", i.householdId);
  for (const v of data.villageIndustries) {
    ref(v.id, "industryId", "industries", v.industryId);
    checkRegion(v.id, v.villageCode);
  }
  for (const h of data.householdIndustries) {
    ref(h.id, "householdId", "households", h.householdId);
    ref(h.id, "industryId", "industries", h.industryId);
  }
  for (const e of data.entities) {
    checkRegion(e.id, e.regionCode);
    ref(e.id, "industryId", "industries", e.industryId);
  }
  for (const a of data.entityActivities) ref(a.id, "entityId", "entities", a.entityId);

  const linkages = new Map(data.linkages.map((l) => [l.id, l]));
  for (const l of data.linkages) {
    ref(l.id, "entityId", "entities", l.entityId);
    ref(l.id, "householdId", "households", l.householdId);
    ref(l.id, "industryId", "industries", l.industryId);
  }
  const linkageYearKeys = new Set<string>();
  for (const y of data.linkageYears) {
    const linkage = linkages.get(y.linkageId);
    if (!linkage) {
      ref(y.id, "linkageId", "linkages", y.linkageId);
      continue;
    }
    if (!linkageCoversYear(linkage, y.year)) {
      add(
        "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
        `linkage year ${y.id}: ${y.year} is outside linkage ${linkage.id} (${linkage.startYear}–${linkage.endYear ?? "now"})`,
        [y.id, linkage.id],
      );
    }
    const key = `${y.linkageId}:${y.year}`;
    if (linkageYearKeys.has(key))
      add("LEDGER.DUPLICATE_LINKAGE_YEAR", `linkage ${y.linkageId} has two records for ${y.year}`, [y.id]);
    linkageYearKeys.add(key);
  }

  for (const s of data.subsidies) {
    ref(s.id, "householdId", "households", s.householdId);
    ref(s.id, "industryId", "industries", s.industryId);
    ref(s.id, "fundId", "funds", s.fundId);
  }
  for (const s of data.services) {
    checkRegion(s.id, s.regionCode);
    ref(s.id, "industryId", "industries", s.industryId);
    for (const h of s.householdIds) ref(s.id, "householdIds", "households", h);
  }
  for (const f of data.funds) {
    if (!inCounty(f.regionCode))
      add("LEDGER.WRONG_COUNTY", `fund ${f.id}: region ${f.regionCode} is not under county ${county}`, [
        f.id,
      ]);
  }
  const spent = new Map<string, number>();
  for (const u of data.fundUses) {
    ref(u.id, "fundId", "funds", u.fundId);
    ref(u.id, "projectId", "projects", u.projectId);
    spent.set(u.fundId, (spent.get(u.fundId) ?? 0) + u.amountFen);
  }
  for (const f of data.funds) {
    const used = spent.get(f.id) ?? 0;
    if (used > f.allocatedFen) {
      add(
        "LEDGER.FUND_OVERSPENT",
        `fund ${f.id}: uses total ${used} fen, more than the ${f.allocatedFen} fen allocated`,
        [f.id],
      );
    }
  }
  for (const p of data.projects) {
    checkRegion(p.id, p.regionCode);
    ref(p.id, "industryId", "industries", p.industryId);
    ref(p.id, "entityId", "entities", p.entityId);
    for (const h of p.beneficiaryHouseholdIds) ref(p.id, "beneficiaryHouseholdIds", "households", h);
    const bad = checkStageOrder(p.stages);
    if (p.stages[0]?.stage !== "application")
      add("LEDGER.PROJECT_STAGE_ORDER", `project ${p.id}: a project starts with its application`, [p.id]);
    else if (bad) add("LEDGER.PROJECT_STAGE_ORDER", `project ${p.id}: ${bad.message}`, [p.id]);
  }
  const householdsById = new Map(data.households.map((h) => [h.id, h]));
  for (const r of data.responsibilities) {
    checkRegion(r.id, r.townshipCode);
    ref(r.id, "householdId", "households", r.householdId);
    // A helper filed under another township would be missing from its household's township.
    const village = r.householdId === null ? undefined : householdsById.get(r.householdId)?.villageCode;
    if (village !== undefined && inCounty(village) && !village.startsWith(r.townshipCode)) {
      add(
        "LEDGER.WRONG_TOWNSHIP",
        `responsibility ${r.id}: township ${r.townshipCode}, but household ${r.householdId} lives in village ${village}`,
        [r.id, r.householdId!],
      );
    }
  }
  for (const r of data.rectifications) {
    checkRegion(r.id, r.townshipCode);
    if (r.status === "closed") {
      const pending = r.plan?.milestones.filter((m) => m.doneDate === null) ?? [];
      if (r.plan === null || pending.length > 0) {
        add(
          "LEDGER.RECTIFICATION_MILESTONES_PENDING",
          `rectification ${r.id} is closed but ${r.plan === null ? "has no plan" : `${pending.length} milestone(s) are not done`}`,
          [r.id],
        );
      }
    }
  }
  for (const m of data.monitorings) ref(m.id, "householdId", "households", m.householdId);

  const amounts: [string, readonly { id: string }[], string[]][] = [
    [
      "incomes",
      data.incomes,
      ["wageFen", "productionFen", "propertyFen", "transferFen", "productionCostFen"],
    ],
    ["householdIndustries", data.householdIndustries, ["debtFen"]],
    ["entityActivities", data.entityActivities, ["amountFen"]],
    ["linkageYears", data.linkageYears, ["receivedFen"]],
    ["subsidies", data.subsidies, ["amountFen"]],
    ["funds", data.funds, ["allocatedFen"]],
    ["fundUses", data.fundUses, ["amountFen"]],
  ];
  for (const [name, records, fields] of amounts) {
    for (const record of records) {
      for (const field of fields) {
        const value = (record as unknown as Record<string, unknown>)[field];
        if (value !== null && !isFen(value)) {
          add(
            "LEDGER.INVALID_AMOUNT",
            `${name} ${record.id}: ${field} must be a whole, non-negative number of fen, got ${String(value)}`,
            [record.id],
          );
        }
      }
    }
  }
  for (const p of data.projects) {
    for (const [source, value] of Object.entries(p.fundingFen)) {
      if (!isFen(value))
        add(
          "LEDGER.INVALID_AMOUNT",
          `project ${p.id}: fundingFen.${source} must be whole, non-negative fen`,
          [p.id],
        );
    }
  }
  return violations;
}

/** Builds a ledger from records, checking every cross-record invariant; fails with all violations. */
export function createLedger(data: LedgerData): Result<Ledger, LedgerError> {
  const violations = validateLedger(data);
  if (violations.length > 0) {
    const shown = violations
      .slice(0, 5)
      .map((v) => v.message)
      .join("; ");
    return err({
      code: "LEDGER.INVALID",
      message: `${violations.length} ledger invariant violation(s): ${shown}${violations.length > 5 ? "; …" : ""}`,
      violations,
    });
  }
  return ok({ ...data, __validated: true as const });
}

/**
 * The records of a ledger that lie within a region (a township or village code, or the county),
 * with the records outside it that they refer to — the entities linked to its households or
 * implementing its projects (with their regions and activity), the funds its subsidies and fund
 * uses draw on, and the services given to its households (listing only those households) — so
 * that the result is itself a valid ledger.
 */
export function ledgerForRegion(ledger: Ledger, regionCode: string): Ledger {
  if (regionCode.length <= 6 && ledger.countyCode.startsWith(regionCode)) return ledger;
  const within = (code: string) => code.startsWith(regionCode);
  const households = ledger.households.filter((h) => within(h.villageCode));
  const householdIds = new Set(households.map((h) => h.id));
  const linkages = ledger.linkages.filter((l) => householdIds.has(l.householdId));
  const linkageIds = new Set(linkages.map((l) => l.id));
  const projects = ledger.projects.filter((p) => within(p.regionCode));
  const projectIds = new Set(projects.map((p) => p.id));
  const linkedEntityIds = new Set([
    ...linkages.map((l) => l.entityId),
    ...projects.flatMap((p) => (p.entityId === null ? [] : [p.entityId])),
  ]);
  const entities = ledger.entities.filter((e) => within(e.regionCode) || linkedEntityIds.has(e.id));
  const entityIds = new Set(entities.map((e) => e.id));
  const subsidies = ledger.subsidies.filter((s) => householdIds.has(s.householdId));
  const ownFundIds = new Set(ledger.funds.filter((f) => within(f.regionCode)).map((f) => f.id));
  const fundUses = ledger.fundUses.filter((u) =>
    u.projectId === null ? ownFundIds.has(u.fundId) : projectIds.has(u.projectId),
  );
  const fundIds = new Set([
    ...ownFundIds,
    ...fundUses.map((u) => u.fundId),
    ...subsidies.flatMap((s) => (s.fundId === null ? [] : [s.fundId])),
  ]);
  const services = ledger.services
    .filter((s) => within(s.regionCode) || s.householdIds.some((id) => householdIds.has(id)))
    .map((s) => ({ ...s, householdIds: s.householdIds.filter((id) => householdIds.has(id)) }));
  const referencedRegions = new Set<string>();
  for (const code of [...entities.map((e) => e.regionCode), ...services.map((s) => s.regionCode)]) {
    for (const len of [2, 4, 6, 9, 12]) if (code.length >= len) referencedRegions.add(code.slice(0, len));
  }
  return {
    ...ledger,
    regions: ledger.regions.filter(
      (r) => within(r.code) || regionCode.startsWith(r.code) || referencedRegions.has(r.code),
    ),
    households,
    members: ledger.members.filter((m) => householdIds.has(m.householdId)),
    incomes: ledger.incomes.filter((i) => householdIds.has(i.householdId)),
    villageIndustries: ledger.villageIndustries.filter((v) => within(v.villageCode)),
    householdIndustries: ledger.householdIndustries.filter((h) => householdIds.has(h.householdId)),
    entities,
    entityActivities: ledger.entityActivities.filter((a) => entityIds.has(a.entityId)),
    linkages,
    linkageYears: ledger.linkageYears.filter((y) => linkageIds.has(y.linkageId)),
    subsidies,
    services,
    funds: ledger.funds.filter((f) => fundIds.has(f.id)),
    fundUses,
    projects,
    responsibilities: ledger.responsibilities.filter((r) => within(r.townshipCode)),
    rectifications: ledger.rectifications.filter((r) => within(r.townshipCode)),
    monitorings: ledger.monitorings.filter((m) => householdIds.has(m.householdId)),
  };
}
