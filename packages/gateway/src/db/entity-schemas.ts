import { BusinessEntitySchema } from "../ledger/entities/business-entity.table.js";
import { EntityActivitySchema } from "../ledger/entities/entity-activity.table.js";
import { FundSchema } from "../ledger/funds/fund.table.js";
import { FundUseSchema } from "../ledger/funds/fund-use.table.js";
import { HouseholdSchema } from "../ledger/households/household.table.js";
import { IncomeSchema } from "../ledger/households/income.table.js";
import { MemberSchema } from "../ledger/households/member.table.js";
import { HouseholdIndustrySchema } from "../ledger/industries/household-industry.table.js";
import { IndustrySchema } from "../ledger/industries/industry.table.js";
import { VillageIndustrySchema } from "../ledger/industries/village-industry.table.js";
import { LinkageSchema } from "../ledger/linkage/linkage.table.js";
import { LinkageYearSchema } from "../ledger/linkage/linkage-year.table.js";
import { MonitoringSchema } from "../ledger/monitoring/monitoring.table.js";
import { ProjectSchema } from "../ledger/projects/project.table.js";
import { RectificationSchema } from "../ledger/rectification/rectification.table.js";
import { RegionSchema } from "../ledger/regions/region.table.js";
import { ResponsibilitySchema } from "../ledger/responsibility/responsibility.table.js";
import { SubsidySchema } from "../ledger/support/subsidy.table.js";
import { TechnicalServiceSchema } from "../ledger/support/technical-service.table.js";
import { ApiKeySchema } from "./entities/api-key.entity.js";
import { AuditLogSchema } from "./entities/audit-log.entity.js";

/** Every ORM entity schema of the gateway. */
export const ENTITY_SCHEMAS = [
  RegionSchema,
  IndustrySchema,
  HouseholdSchema,
  MemberSchema,
  IncomeSchema,
  VillageIndustrySchema,
  HouseholdIndustrySchema,
  BusinessEntitySchema,
  EntityActivitySchema,
  LinkageSchema,
  LinkageYearSchema,
  FundSchema,
  FundUseSchema,
  ProjectSchema,
  SubsidySchema,
  TechnicalServiceSchema,
  ResponsibilitySchema,
  RectificationSchema,
  MonitoringSchema,
  ApiKeySchema,
  AuditLogSchema,
] as const;
