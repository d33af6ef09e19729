import type { DomainError, LedgerData, RecordKindKey, Result } from "@fupin/domain";
import * as domain from "@fupin/domain";
import { domainErrors, type ImportRowError, type ParsedRow } from "./import-errors.js";

type Create = (input: unknown, asOf: string) => Result<unknown, DomainError>;

/** The domain's input function of each ledger collection (every kind: a new one does not compile without it); every imported row passes through it. */
const CREATE: Readonly<Record<RecordKindKey, Create>> = {
  regions: domain.createRegion,
  industries: domain.createIndustry,
  households: domain.createHousehold,
  members: domain.createMember,
  incomes: domain.createIncome,
  villageIndustries: domain.createVillageIndustry,
  householdIndustries: domain.createHouseholdIndustry,
  entities: domain.createBusinessEntity,
  entityActivities: domain.createEntityActivity,
  linkages: domain.createLinkage,
  linkageYears: domain.createLinkageYear,
  subsidies: domain.createSubsidy,
  services: domain.createTechnicalService,
  funds: domain.createFund,
  fundUses: domain.createFundUse,
  projects: domain.createProject,
  responsibilities: domain.createResponsibility,
  rectifications: domain.createRectification,
  monitorings: domain.createMonitoring,
  credits: domain.createHouseholdCredit,
  creditReturns: domain.createCreditReturn,
  disbursements: domain.createFundDisbursement,
};

/** Builds the records of one ledger sheet through the domain's input schemas; a refused row becomes errors at its columns. */
export function ledgerSheetRecords(
  collection: string,
  rows: readonly ParsedRow[],
  asOf: string,
  errors: ImportRowError[],
  rowOf: Map<string, ParsedRow>,
): unknown[] {
  const create = CREATE[collection as RecordKindKey];
  if (!create) throw new Error(`no input function for ledger collection ${collection}`);
  const records: unknown[] = [];
  for (const row of rows) {
    const made = create(row.values, asOf);
    if (!made.ok) {
      errors.push(...domainErrors(row, made.error));
      continue;
    }
    records.push(made.value);
    const key = (made.value as { id?: string; code?: string }).id ?? (made.value as { code: string }).code;
    rowOf.set(key, row);
  }
  return records;
}

/** Whether a collection name is one of the ledger's. */
export function isLedgerCollection(name: string): name is Exclude<keyof LedgerData, "countyCode"> {
  return name in CREATE;
}
