import { err, ok, type Result } from "../shared/result.js";
import { checkLedgerRules, type LedgerViolationCode } from "./ledger-rules.js";
import { type LedgerRecords, RECORD_KIND_KEYS } from "./record-kinds.js";
import type { LedgerViolation } from "./rule.js";

export type { LedgerViolationCode } from "./ledger-rules.js";
export type { LedgerViolation } from "./rule.js";

/** Every record of a county's ledger (台账), each collection (see `RECORD_KINDS`) a readonly array. */
export interface LedgerData extends LedgerRecords {
  /** The county (6-digit code) this ledger belongs to. */
  readonly countyCode: string;
}

/** A county's ledger whose cross-record invariants hold (build it with `createLedger`). */
export type Ledger = LedgerData & { readonly __validated: true };

/** The error of `createLedger`: every violation found. */
export interface LedgerError {
  readonly code: "LEDGER.INVALID";
  readonly message: string;
  readonly violations: readonly LedgerViolation<LedgerViolationCode>[];
}

/** An empty ledger for a county. */
export function emptyLedgerData(countyCode: string): LedgerData {
  return Object.fromEntries([
    ["countyCode", countyCode],
    ...RECORD_KIND_KEYS.map((key) => [key, []]),
  ]) as unknown as LedgerData;
}

/** Checks every cross-record invariant of a ledger (each rule of `LEDGER_RULES`) and returns the violations. */
export function validateLedger(data: LedgerData): LedgerViolation<LedgerViolationCode>[] {
  return checkLedgerRules(data);
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
 * The records of a ledger's data that lie within a region (a township or village code, or the county),
 * with the records outside it that they refer to — the entities linked to its households, holding
 * their credit or implementing its projects (with their regions and activity), the funds its
 * subsidies, credit, fund uses and disbursements draw on, and the services given to its households
 * (listing only those households); its projects list only its own beneficiary households, as a
 * caller scoped to it sees them — so
 * that the slice of a valid ledger is itself valid. Given more than a region's records (a database
 * read of the region and its references), it keeps the same ones.
 */
export function sliceLedgerData(data: LedgerData, regionCode: string): LedgerData {
  const within = (code: string) => code.startsWith(regionCode);
  const households = data.households.filter((h) => within(h.villageCode));
  const householdIds = new Set(households.map((h) => h.id));
  const linkages = data.linkages.filter((l) => householdIds.has(l.householdId));
  const linkageIds = new Set(linkages.map((l) => l.id));
  // A project may name households of other townships: the slice lists only its own, as it does for services.
  const projects = data.projects
    .filter((p) => within(p.regionCode))
    .map((p) =>
      p.beneficiaryHouseholdIds.every((id) => householdIds.has(id))
        ? p
        : { ...p, beneficiaryHouseholdIds: p.beneficiaryHouseholdIds.filter((id) => householdIds.has(id)) },
    );
  const projectIds = new Set(projects.map((p) => p.id));
  const credits = data.credits.filter((c) => householdIds.has(c.householdId));
  const creditIds = new Set(credits.map((c) => c.id));
  const linkedEntityIds = new Set([
    ...linkages.map((l) => l.entityId),
    ...credits.flatMap((c) => (c.entityId === null ? [] : [c.entityId])),
    ...projects.flatMap((p) => (p.entityId === null ? [] : [p.entityId])),
  ]);
  const entities = data.entities.filter((e) => within(e.regionCode) || linkedEntityIds.has(e.id));
  const entityIds = new Set(entities.map((e) => e.id));
  const subsidies = data.subsidies.filter((s) => householdIds.has(s.householdId));
  const ownFundIds = new Set(data.funds.filter((f) => within(f.regionCode)).map((f) => f.id));
  const fundUses = data.fundUses.filter((u) =>
    u.projectId === null ? ownFundIds.has(u.fundId) : projectIds.has(u.projectId),
  );
  const disbursements = data.disbursements.filter((d) =>
    d.projectId === null ? ownFundIds.has(d.fundId) : projectIds.has(d.projectId),
  );
  const fundIds = new Set([
    ...ownFundIds,
    ...disbursements.map((d) => d.fundId),
    ...fundUses.map((u) => u.fundId),
    ...subsidies.flatMap((s) => (s.fundId === null ? [] : [s.fundId])),
    ...credits.flatMap((c) => (c.fundId === null ? [] : [c.fundId])),
  ]);
  const services = data.services
    .filter((s) => within(s.regionCode) || s.householdIds.some((id) => householdIds.has(id)))
    .map((s) => ({ ...s, householdIds: s.householdIds.filter((id) => householdIds.has(id)) }));
  const referencedRegions = new Set<string>();
  for (const code of [...entities.map((e) => e.regionCode), ...services.map((s) => s.regionCode)]) {
    for (const len of [2, 4, 6, 9, 12]) if (code.length >= len) referencedRegions.add(code.slice(0, len));
  }
  return {
    countyCode: data.countyCode,
    regions: data.regions.filter(
      (r) => within(r.code) || regionCode.startsWith(r.code) || referencedRegions.has(r.code),
    ),
    households,
    members: data.members.filter((m) => householdIds.has(m.householdId)),
    incomes: data.incomes.filter((i) => householdIds.has(i.householdId)),
    industries: data.industries,
    villageIndustries: data.villageIndustries.filter((v) => within(v.villageCode)),
    householdIndustries: data.householdIndustries.filter((h) => householdIds.has(h.householdId)),
    entities,
    entityActivities: data.entityActivities.filter((a) => entityIds.has(a.entityId)),
    linkages,
    linkageYears: data.linkageYears.filter((y) => linkageIds.has(y.linkageId)),
    subsidies,
    services,
    funds: data.funds.filter((f) => fundIds.has(f.id)),
    fundUses,
    projects,
    responsibilities: data.responsibilities.filter((r) => within(r.townshipCode)),
    rectifications: data.rectifications.filter((r) => within(r.townshipCode)),
    monitorings: data.monitorings.filter((m) => householdIds.has(m.householdId)),
    credits,
    creditReturns: data.creditReturns.filter((r) => creditIds.has(r.creditId)),
    disbursements,
  };
}

/** Whether a region code covers a whole county (the county itself, or its city or province). */
function coversCounty(countyCode: string, regionCode: string): boolean {
  return regionCode.length <= 6 && countyCode.startsWith(regionCode);
}

/**
 * The ledger of a region from records read for it (the region's and those they refer to): their
 * slice (`sliceLedgerData`), validated. Fails with the violations when the records are not complete
 * or break an invariant, so a region's ledger is never branded valid without being checked.
 */
export function createRegionLedger(data: LedgerData, regionCode: string): Result<Ledger, LedgerError> {
  return createLedger(coversCounty(data.countyCode, regionCode) ? data : sliceLedgerData(data, regionCode));
}

/**
 * The ledger of a region within a county's ledger (the whole ledger for the county or above): its
 * slice (`sliceLedgerData`), validated again. Throws if the slice of a valid ledger breaks an invariant.
 */
export function ledgerForRegion(ledger: Ledger, regionCode: string): Ledger {
  if (coversCounty(ledger.countyCode, regionCode)) return ledger;
  const slice = createLedger(sliceLedgerData(ledger, regionCode));
  if (!slice.ok) throw new Error(`the slice of ${regionCode} is not a valid ledger: ${slice.error.message}`);
  return slice.value;
}
