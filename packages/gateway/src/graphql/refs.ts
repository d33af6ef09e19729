import type {
  BusinessEntity,
  EntityActivity,
  Fund,
  FundUse,
  Household,
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
import type { GatewayContext } from "../context.js";
import { builder } from "./builder.js";
import { loadByKeys } from "./read/sql.js";
import { type ProjectRow, type RegionRow, TABLES, type TableSpec } from "./read/tables.js";

function nodeRef<T extends object>(name: string, spec: TableSpec<T>) {
  return builder.loadableNodeRef(name, {
    id: { resolve: (row: T) => String(row[spec.key]) },
    // Rows outside the caller's scope load as null: the node and nested fields then read as absent.
    load: (keys: string[], ctx: GatewayContext) => loadByKeys(ctx, spec, keys) as Promise<(T | Error)[]>,
  });
}

/** Loadable node refs of every ledger record type, keyed by id (region: by code), scoped where loaded. */
export const RegionRef = nodeRef<RegionRow>("Region", TABLES.region);
export const HouseholdRef = nodeRef<Household>("Household", TABLES.household);
export const MemberRef = nodeRef<Member>("Member", TABLES.member);
export const IncomeRef = nodeRef<Income>("Income", TABLES.income);
export const IndustryRef = nodeRef<Industry>("Industry", TABLES.industry);
export const VillageIndustryRef = nodeRef<VillageIndustry>("VillageIndustry", TABLES.villageIndustry);
export const HouseholdIndustryRef = nodeRef<HouseholdIndustry>("HouseholdIndustry", TABLES.householdIndustry);
export const BusinessEntityRef = nodeRef<BusinessEntity>("BusinessEntity", TABLES.entity);
export const EntityActivityRef = nodeRef<EntityActivity>("EntityActivity", TABLES.entityActivity);
export const LinkageRef = nodeRef<Linkage>("Linkage", TABLES.linkage);
export const LinkageYearRef = nodeRef<LinkageYear>("LinkageYear", TABLES.linkageYear);
export const SubsidyRef = nodeRef<Subsidy>("Subsidy", TABLES.subsidy);
export const TechnicalServiceRef = nodeRef<TechnicalService>("TechnicalService", TABLES.technicalService);
export const FundRef = nodeRef<Fund>("Fund", TABLES.fund);
export const FundUseRef = nodeRef<FundUse>("FundUse", TABLES.fundUse);
export const ProjectRef = nodeRef<ProjectRow>("Project", TABLES.project);
export const ResponsibilityRef = nodeRef<Responsibility>("Responsibility", TABLES.responsibility);
export const RectificationRef = nodeRef<Rectification>("Rectification", TABLES.rectification);
export const MonitoringRef = nodeRef<Monitoring>("Monitoring", TABLES.monitoring);
