import type { LedgerData } from "@fupin/domain";
import { creditReturnTable } from "./credit/credit-return.table.js";
import { householdCreditTable } from "./credit/household-credit.table.js";
import { businessEntityTable } from "./entities/business-entity.table.js";
import { entityActivityTable } from "./entities/entity-activity.table.js";
import { fundTable } from "./funds/fund.table.js";
import { fundDisbursementTable } from "./funds/fund-disbursement.table.js";
import { fundUseTable } from "./funds/fund-use.table.js";
import { householdTable } from "./households/household.table.js";
import { incomeTable } from "./households/income.table.js";
import { memberTable } from "./households/member.table.js";
import { householdIndustryTable } from "./industries/household-industry.table.js";
import { industryTable } from "./industries/industry.table.js";
import { villageIndustryTable } from "./industries/village-industry.table.js";
import type { LedgerTable, UniqueFailure } from "./ledger-table.js";
import { linkageTable } from "./linkage/linkage.table.js";
import { linkageYearTable } from "./linkage/linkage-year.table.js";
import { monitoringTable } from "./monitoring/monitoring.table.js";
import { projectTable } from "./projects/project.table.js";
import { rectificationTable } from "./rectification/rectification.table.js";
import { regionTable } from "./regions/region.table.js";
import { responsibilityTable } from "./responsibility/responsibility.table.js";
import { subsidyTable } from "./support/subsidy.table.js";
import { technicalServiceTable } from "./support/technical-service.table.js";

/**
 * Every ledger table, keyed by the ledger's collection it stores, in an order that respects foreign
 * keys (for seeding and truncation).
 */
export const LEDGER_TABLES = {
  regions: regionTable,
  industries: industryTable,
  households: householdTable,
  members: memberTable,
  incomes: incomeTable,
  villageIndustries: villageIndustryTable,
  householdIndustries: householdIndustryTable,
  entities: businessEntityTable,
  entityActivities: entityActivityTable,
  linkages: linkageTable,
  linkageYears: linkageYearTable,
  funds: fundTable,
  projects: projectTable,
  fundUses: fundUseTable,
  subsidies: subsidyTable,
  services: technicalServiceTable,
  responsibilities: responsibilityTable,
  rectifications: rectificationTable,
  monitorings: monitoringTable,
  credits: householdCreditTable,
  creditReturns: creditReturnTable,
  disbursements: fundDisbursementTable,
} as const satisfies Record<Exclude<keyof LedgerData, "countyCode">, LedgerTable<never>>;

/** The ledger tables in foreign-key order. */
export const LEDGER_TABLE_LIST: readonly LedgerTable<never>[] = Object.values(LEDGER_TABLES);

const UNIQUE_FAILURES = new Map(LEDGER_TABLE_LIST.flatMap((t) => [...t.uniqueFailures]));

/** What the violation of a ledger unique constraint means to a client, or null when it is unexpected. */
export function uniqueFailure(constraint: string | undefined): UniqueFailure | null {
  return (constraint && UNIQUE_FAILURES.get(constraint)) || null;
}
