import type { z } from "zod";
import {
  type CreditReturn,
  creditReturnInputSchema,
  type HouseholdCredit,
  householdCreditInputSchema,
} from "../credit/credit.js";
import {
  type BusinessEntity,
  businessEntityInputSchema,
  type EntityActivity,
  entityActivityInputSchema,
} from "../entities/business-entity.js";
import { type Fund, type FundUse, fundInputSchema, fundUseInputSchema } from "../funds/fund.js";
import { type FundDisbursement, fundDisbursementInputSchema } from "../funds/fund-disbursement.js";
import { type Household, householdInputSchema } from "../households/household.js";
import { type Income, incomeInputSchema } from "../households/income.js";
import { type Member, memberInputSchema } from "../households/member.js";
import {
  type HouseholdIndustry,
  householdIndustryInputSchema,
  type Industry,
  industryInputSchema,
  type VillageIndustry,
  villageIndustryInputSchema,
} from "../industries/industry.js";
import {
  type Linkage,
  type LinkageYear,
  linkageInputSchema,
  linkageYearInputSchema,
} from "../linkage/linkage.js";
import { type Monitoring, monitoringInputSchema } from "../monitoring/monitoring.js";
import { type Project, projectInputSchema } from "../projects/project.js";
import { type Rectification, rectificationInputSchema } from "../rectification/rectification.js";
import { type Region, regionInputSchema } from "../regions/region.js";
import { type Responsibility, responsibilityInputSchema } from "../responsibility/responsibility.js";
import { type Subsidy, subsidyInputSchema } from "../support/subsidy.js";
import { type TechnicalService, technicalServiceInputSchema } from "../support/technical-service.js";

/** The record type of each collection of a ledger, keyed by the collection's name. */
export interface LedgerRecordTypes {
  readonly regions: Region;
  readonly households: Household;
  readonly members: Member;
  readonly incomes: Income;
  readonly industries: Industry;
  readonly villageIndustries: VillageIndustry;
  readonly householdIndustries: HouseholdIndustry;
  readonly entities: BusinessEntity;
  readonly entityActivities: EntityActivity;
  readonly linkages: Linkage;
  readonly linkageYears: LinkageYear;
  readonly subsidies: Subsidy;
  readonly services: TechnicalService;
  readonly funds: Fund;
  readonly fundUses: FundUse;
  readonly projects: Project;
  readonly responsibilities: Responsibility;
  readonly rectifications: Rectification;
  readonly monitorings: Monitoring;
  readonly credits: HouseholdCredit;
  readonly creditReturns: CreditReturn;
  readonly disbursements: FundDisbursement;
}

/** The name of a ledger collection (one per record kind), e.g. `households`. */
export type RecordKindKey = keyof LedgerRecordTypes;

/** Every collection of a ledger, each a readonly array of its records. */
export type LedgerRecords = { readonly [K in RecordKindKey]: readonly LedgerRecordTypes[K][] };

/** A subset of a county's collections, e.g. one household and its members, for checking rules on a write. */
export type PartialLedger = { readonly countyCode: string } & Partial<LedgerRecords>;

/** A field of a record that refers to records of another kind (by their id field); null refers to none. */
export interface RecordReference<T> {
  readonly field: keyof T & string;
  readonly kind: RecordKindKey;
}

/** What the ledger knows about one kind of record: its name, key, references, region and amounts. */
export interface RecordKind<T> {
  /** The kind's name in snake case (`village_industry`): the table and audit entity type of the gateway. */
  readonly name: string;
  /** The field that identifies a record of the kind (`code` for regions, else `id`). */
  readonly idField: keyof T & string;
  /** The fields that refer to other records (a string, a string or null, or a list of strings). */
  readonly references: readonly RecordReference<T>[];
  /** The region a record is filed under; `listed`: that region must also be among the ledger's regions. */
  readonly region: { readonly field: keyof T & string; readonly listed: boolean } | null;
  /** Fields holding an amount in fen (a number, or null where the amount is unknown). */
  readonly amountFields: readonly (keyof T & string)[];
  /** Fields holding amounts in fen by key (e.g. a project's funding by source). */
  readonly amountMaps: readonly (keyof T & string)[];
  /** The domain's input schema of the kind (a region's gives its code, name and poor-village flag only). */
  readonly inputSchema: z.ZodType;
}

const kind = <T>(
  name: string,
  fields: Partial<Omit<RecordKind<T>, "name">> & Pick<RecordKind<T>, "references" | "inputSchema">,
): RecordKind<T> => ({
  name,
  idField: "id" as keyof T & string,
  region: null,
  amountFields: [],
  amountMaps: [],
  ...fields,
});

/**
 * The 22 kinds of record of a ledger, in the order the ledger lists them: the one place a new kind is
 * added. The ledger's collections, its generic rules (ids, references, regions, amounts), the synthetic
 * generator and the gateway's tables iterate it.
 */
export const RECORD_KINDS: { readonly [K in RecordKindKey]: RecordKind<LedgerRecordTypes[K]> } = {
  regions: kind<Region>("region", { inputSchema: regionInputSchema, idField: "code", references: [] }),
  households: kind<Household>("household", {
    inputSchema: householdInputSchema,
    references: [],
    region: { field: "villageCode", listed: true },
  }),
  members: kind<Member>("member", {
    inputSchema: memberInputSchema,
    references: [{ field: "householdId", kind: "households" }],
  }),
  incomes: kind<Income>("income", {
    inputSchema: incomeInputSchema,
    references: [{ field: "householdId", kind: "households" }],
    amountFields: ["wageFen", "productionFen", "propertyFen", "transferFen", "productionCostFen"],
  }),
  industries: kind<Industry>("industry", { inputSchema: industryInputSchema, references: [] }),
  villageIndustries: kind<VillageIndustry>("village_industry", {
    inputSchema: villageIndustryInputSchema,
    references: [{ field: "industryId", kind: "industries" }],
    region: { field: "villageCode", listed: true },
  }),
  householdIndustries: kind<HouseholdIndustry>("household_industry", {
    inputSchema: householdIndustryInputSchema,
    references: [
      { field: "householdId", kind: "households" },
      { field: "industryId", kind: "industries" },
    ],
    amountFields: ["debtFen"],
  }),
  entities: kind<BusinessEntity>("business_entity", {
    inputSchema: businessEntityInputSchema,
    references: [{ field: "industryId", kind: "industries" }],
    region: { field: "regionCode", listed: true },
  }),
  entityActivities: kind<EntityActivity>("entity_activity", {
    inputSchema: entityActivityInputSchema,
    references: [{ field: "entityId", kind: "entities" }],
    amountFields: ["amountFen"],
  }),
  linkages: kind<Linkage>("linkage", {
    inputSchema: linkageInputSchema,
    references: [
      { field: "entityId", kind: "entities" },
      { field: "householdId", kind: "households" },
      { field: "industryId", kind: "industries" },
    ],
  }),
  linkageYears: kind<LinkageYear>("linkage_year", {
    inputSchema: linkageYearInputSchema,
    references: [{ field: "linkageId", kind: "linkages" }],
    amountFields: ["receivedFen"],
  }),
  subsidies: kind<Subsidy>("subsidy", {
    inputSchema: subsidyInputSchema,
    references: [
      { field: "householdId", kind: "households" },
      { field: "industryId", kind: "industries" },
      { field: "fundId", kind: "funds" },
    ],
    amountFields: ["amountFen"],
  }),
  services: kind<TechnicalService>("technical_service", {
    inputSchema: technicalServiceInputSchema,
    references: [
      { field: "industryId", kind: "industries" },
      { field: "householdIds", kind: "households" },
    ],
    region: { field: "regionCode", listed: true },
  }),
  funds: kind<Fund>("fund", {
    inputSchema: fundInputSchema,
    references: [],
    region: { field: "regionCode", listed: false },
    amountFields: ["allocatedFen"],
  }),
  fundUses: kind<FundUse>("fund_use", {
    inputSchema: fundUseInputSchema,
    references: [
      { field: "fundId", kind: "funds" },
      { field: "projectId", kind: "projects" },
    ],
    amountFields: ["amountFen"],
  }),
  projects: kind<Project>("project", {
    inputSchema: projectInputSchema,
    references: [
      { field: "industryId", kind: "industries" },
      { field: "entityId", kind: "entities" },
      { field: "beneficiaryHouseholdIds", kind: "households" },
    ],
    region: { field: "regionCode", listed: true },
    amountMaps: ["fundingFen"],
  }),
  responsibilities: kind<Responsibility>("responsibility", {
    inputSchema: responsibilityInputSchema,
    references: [{ field: "householdId", kind: "households" }],
    region: { field: "townshipCode", listed: true },
  }),
  rectifications: kind<Rectification>("rectification", {
    inputSchema: rectificationInputSchema,
    references: [],
    region: { field: "townshipCode", listed: true },
  }),
  monitorings: kind<Monitoring>("monitoring", {
    inputSchema: monitoringInputSchema,
    references: [{ field: "householdId", kind: "households" }],
  }),
  credits: kind<HouseholdCredit>("household_credit", {
    inputSchema: householdCreditInputSchema,
    references: [
      { field: "householdId", kind: "households" },
      { field: "entityId", kind: "entities" },
      { field: "industryId", kind: "industries" },
      { field: "fundId", kind: "funds" },
    ],
    amountFields: ["amountFen"],
  }),
  creditReturns: kind<CreditReturn>("credit_return", {
    inputSchema: creditReturnInputSchema,
    references: [{ field: "creditId", kind: "credits" }],
    amountFields: ["amountFen"],
  }),
  disbursements: kind<FundDisbursement>("fund_disbursement", {
    inputSchema: fundDisbursementInputSchema,
    references: [
      { field: "fundId", kind: "funds" },
      { field: "projectId", kind: "projects" },
    ],
    amountFields: ["amountFen"],
  }),
};

/** The collection names of a ledger, in the registry's order. */
export const RECORD_KIND_KEYS = Object.keys(RECORD_KINDS) as readonly RecordKindKey[];

/** The id of a record of a kind (its code for a region). */
export function recordIdOf<K extends RecordKindKey>(key: K, record: LedgerRecordTypes[K]): string {
  return String(record[RECORD_KINDS[key].idField as keyof LedgerRecordTypes[K]]);
}

/** The records of a collection of a (partial) ledger; none when the collection is absent. */
export function recordsOf<K extends RecordKindKey>(
  ledger: PartialLedger,
  key: K,
): readonly LedgerRecordTypes[K][] {
  return (ledger[key] ?? []) as readonly LedgerRecordTypes[K][];
}

/** The ids of a value of a reference field: none for null, every id of a list. */
export function referencedIds(value: unknown): readonly string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? (value as string[]) : [String(value)];
}
