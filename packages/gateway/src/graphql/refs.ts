import type {
  BusinessEntity,
  CreditReturn,
  EntityActivity,
  Fund,
  FundDisbursement,
  FundUse,
  Household,
  HouseholdCredit,
  HouseholdIndustry,
  Income,
  Industry,
  Linkage,
  LinkageYear,
  Member,
  Monitoring,
  Rectification,
  Responsibility,
  Subsidy,
  TechnicalService,
  VillageIndustry,
} from "@fupin/domain";
import type { ObjectRef } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import type { GatewayContext } from "../context.js";
import { creditReturnTable } from "../ledger/credit/credit-return.table.js";
import { householdCreditTable } from "../ledger/credit/household-credit.table.js";
import { businessEntityTable } from "../ledger/entities/business-entity.table.js";
import { entityActivityTable } from "../ledger/entities/entity-activity.table.js";
import { fundTable } from "../ledger/funds/fund.table.js";
import { fundDisbursementTable } from "../ledger/funds/fund-disbursement.table.js";
import { fundUseTable } from "../ledger/funds/fund-use.table.js";
import { householdTable } from "../ledger/households/household.table.js";
import { incomeTable } from "../ledger/households/income.table.js";
import { memberTable } from "../ledger/households/member.table.js";
import { householdIndustryTable } from "../ledger/industries/household-industry.table.js";
import { industryTable } from "../ledger/industries/industry.table.js";
import { villageIndustryTable } from "../ledger/industries/village-industry.table.js";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { linkageTable } from "../ledger/linkage/linkage.table.js";
import { linkageYearTable } from "../ledger/linkage/linkage-year.table.js";
import { monitoringTable } from "../ledger/monitoring/monitoring.table.js";
import type { ProjectRow } from "../ledger/projects/project.table.js";
import { projectTable } from "../ledger/projects/project.table.js";
import { rectificationTable } from "../ledger/rectification/rectification.table.js";
import type { RegionRow } from "../ledger/regions/region.table.js";
import { regionTable } from "../ledger/regions/region.table.js";
import { responsibilityTable } from "../ledger/responsibility/responsibility.table.js";
import { subsidyTable } from "../ledger/support/subsidy.table.js";
import { technicalServiceTable } from "../ledger/support/technical-service.table.js";
import { builder, type Types } from "./builder.js";
import { loadChildren } from "./read/loaders.js";
import { loadByKeys } from "./read/sql.js";
import { prefetched, type RelationExtension, registerRecordType } from "./read/tree.js";

function nodeRef<T extends object>(name: string, spec: LedgerTable<T>) {
  registerRecordType(name, spec as LedgerTable<never>);
  return builder.loadableNodeRef(name, {
    id: { resolve: (row: T) => String(row[spec.key]) },
    // Rows outside the caller's scope load as null: the node and nested fields then read as absent.
    load: (keys: string[], ctx: GatewayContext) => loadByKeys(ctx, spec, keys) as Promise<(T | Error)[]>,
  });
}

/** Loadable node refs of every ledger record type, keyed by id (region: by code), scoped where loaded. */
export const RegionRef = nodeRef<RegionRow>("Region", regionTable);
export const HouseholdRef = nodeRef<Household>("Household", householdTable);
export const MemberRef = nodeRef<Member>("Member", memberTable);
export const IncomeRef = nodeRef<Income>("Income", incomeTable);
export const IndustryRef = nodeRef<Industry>("Industry", industryTable);
export const VillageIndustryRef = nodeRef<VillageIndustry>("VillageIndustry", villageIndustryTable);
export const HouseholdIndustryRef = nodeRef<HouseholdIndustry>("HouseholdIndustry", householdIndustryTable);
export const BusinessEntityRef = nodeRef<BusinessEntity>("BusinessEntity", businessEntityTable);
export const EntityActivityRef = nodeRef<EntityActivity>("EntityActivity", entityActivityTable);
export const LinkageRef = nodeRef<Linkage>("Linkage", linkageTable);
export const LinkageYearRef = nodeRef<LinkageYear>("LinkageYear", linkageYearTable);
export const SubsidyRef = nodeRef<Subsidy>("Subsidy", subsidyTable);
export const TechnicalServiceRef = nodeRef<TechnicalService>("TechnicalService", technicalServiceTable);
export const FundRef = nodeRef<Fund>("Fund", fundTable);
export const FundUseRef = nodeRef<FundUse>("FundUse", fundUseTable);
export const ProjectRef = nodeRef<ProjectRow>("Project", projectTable);
export const ResponsibilityRef = nodeRef<Responsibility>("Responsibility", responsibilityTable);
export const RectificationRef = nodeRef<Rectification>("Rectification", rectificationTable);
export const MonitoringRef = nodeRef<Monitoring>("Monitoring", monitoringTable);
export const HouseholdCreditRef = nodeRef<HouseholdCredit>("HouseholdCredit", householdCreditTable);
export const CreditReturnRef = nodeRef<CreditReturn>("CreditReturn", creditReturnTable);
export const FundDisbursementRef = nodeRef<FundDisbursement>("FundDisbursement", fundDisbursementTable);

function relation(kind: RelationExtension["kind"], field: string): { relation: RelationExtension } {
  return { relation: { kind, field } };
}

/**
 * A field naming another record by its key field `field`: null when there is none or it lies outside
 * the caller's scope. A one-statement read answers it in the statement (`read/tree.ts`).
 */
export function recordField<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  type: ObjectRef<Types, string | object>,
  description: string,
  field: keyof T & string,
) {
  return t.field({
    type,
    nullable: true,
    description,
    extensions: relation("one", field),
    resolve: (record, _args, _ctx, info: GraphQLResolveInfo) => {
      const read = prefetched(record as object, info);
      return (read !== undefined ? read : record[field]) as string | object | null;
    },
  });
}

/**
 * The records of `table` whose `field` holds the parent's id, in key order and inside the caller's
 * scope: from a one-statement read when it read them, else batched per level (`loadChildren`).
 */
export function recordList<T extends { readonly id: string }, C>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  type: ObjectRef<Types, string | C, C>,
  description: string,
  table: LedgerTable<C>,
  field: keyof C & string,
) {
  return t.field({
    type: [type],
    description,
    extensions: relation("many", field),
    resolve: (parent, _args, ctx, info) =>
      (prefetched(parent, info) as C[] | undefined) ?? loadChildren(ctx, info, table, field, parent.id),
  });
}
