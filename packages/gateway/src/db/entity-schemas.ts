import { ApiKeySchema } from "./entities/api-key.entity.js";
import { AuditLogSchema } from "./entities/audit-log.entity.js";
import { BusinessEntitySchema } from "./entities/business-entity.entity.js";
import { EntityActivitySchema } from "./entities/entity-activity.entity.js";
import { FundSchema } from "./entities/fund.entity.js";
import { FundUseSchema } from "./entities/fund-use.entity.js";
import { HouseholdSchema } from "./entities/household.entity.js";
import { HouseholdIndustrySchema } from "./entities/household-industry.entity.js";
import { IncomeSchema } from "./entities/income.entity.js";
import { IndustrySchema } from "./entities/industry.entity.js";
import { LinkageSchema } from "./entities/linkage.entity.js";
import { LinkageYearSchema } from "./entities/linkage-year.entity.js";
import { MemberSchema } from "./entities/member.entity.js";
import { MonitoringSchema } from "./entities/monitoring.entity.js";
import { ProjectSchema } from "./entities/project.entity.js";
import { RectificationSchema } from "./entities/rectification.entity.js";
import { RegionSchema } from "./entities/region.entity.js";
import { ResponsibilitySchema } from "./entities/responsibility.entity.js";
import { SubsidySchema } from "./entities/subsidy.entity.js";
import { TechnicalServiceSchema } from "./entities/technical-service.entity.js";
import { VillageIndustrySchema } from "./entities/village-industry.entity.js";

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
