/** The fupin GraphQL gateway. */
export const GATEWAY_VERSION = "0.1.0";

export { createAuditWriter } from "./audit/audit-writer.js";
export type { AuditChainResult } from "./audit/verify-audit-chain.js";
export { verifyAuditChain } from "./audit/verify-audit-chain.js";
export type { ApiKeyVerifier, CreateApiKeyInput, CreatedApiKey } from "./auth/api-keys.js";
export { createApiKey, createApiKeyVerifier, revokeApiKey } from "./auth/api-keys.js";
export type { AuthErrorCode } from "./auth/auth-error.js";
export { AuthError, isAuthError } from "./auth/auth-error.js";
export type { Permission, Principal } from "./auth/principal.js";
export { hasPermission, isInScope, PERMISSIONS } from "./auth/principal.js";
export { runCli } from "./cli/main.js";
export type { GatewayConfig, JwtConfig } from "./config.js";
export { ConfigError, loadConfig } from "./config.js";
export type { AuditEntry, AuditWriter, GatewayContext, GatewayServices, SqlExecutor } from "./context.js";
export type { Database, OpenDatabaseOptions } from "./db/database.js";
export { DEFAULT_DATA_DIR, openDatabase } from "./db/database.js";
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from "./db/embedded-postgres.js";
export { startEmbeddedPostgres, stopStaleServer } from "./db/embedded-postgres.js";
export { ApiKeyEntity, ApiKeySchema } from "./db/entities/api-key.entity.js";
export { AuditLogEntity, AuditLogSchema } from "./db/entities/audit-log.entity.js";
export {
  BusinessEntityEntity,
  BusinessEntitySchema,
  businessEntityMapper,
} from "./db/entities/business-entity.entity.js";
export {
  EntityActivityEntity,
  EntityActivitySchema,
  entityActivityMapper,
} from "./db/entities/entity-activity.entity.js";
export { FundEntity, FundSchema, fundMapper } from "./db/entities/fund.entity.js";
export { FundUseEntity, FundUseSchema, fundUseMapper } from "./db/entities/fund-use.entity.js";
export { HouseholdEntity, HouseholdSchema, householdMapper } from "./db/entities/household.entity.js";
export {
  HouseholdIndustryEntity,
  HouseholdIndustrySchema,
  householdIndustryMapper,
} from "./db/entities/household-industry.entity.js";
export { IncomeEntity, IncomeSchema, incomeMapper } from "./db/entities/income.entity.js";
export { IndustryEntity, IndustrySchema, industryMapper } from "./db/entities/industry.entity.js";
export type { LedgerRowLocation } from "./db/entities/ledger-row.js";
export { LedgerRow } from "./db/entities/ledger-row.js";
export { LinkageEntity, LinkageSchema, linkageMapper } from "./db/entities/linkage.entity.js";
export {
  LinkageYearEntity,
  LinkageYearSchema,
  linkageYearMapper,
} from "./db/entities/linkage-year.entity.js";
export { MemberEntity, MemberSchema, memberMapper } from "./db/entities/member.entity.js";
export { MonitoringEntity, MonitoringSchema, monitoringMapper } from "./db/entities/monitoring.entity.js";
export { ProjectEntity, ProjectSchema, projectMapper } from "./db/entities/project.entity.js";
export {
  RectificationEntity,
  RectificationSchema,
  rectificationMapper,
} from "./db/entities/rectification.entity.js";
export { RegionEntity, RegionSchema, regionMapper } from "./db/entities/region.entity.js";
export {
  ResponsibilityEntity,
  ResponsibilitySchema,
  responsibilityMapper,
} from "./db/entities/responsibility.entity.js";
export { SubsidyEntity, SubsidySchema, subsidyMapper } from "./db/entities/subsidy.entity.js";
export {
  TechnicalServiceEntity,
  TechnicalServiceSchema,
  technicalServiceMapper,
} from "./db/entities/technical-service.entity.js";
export {
  VillageIndustryEntity,
  VillageIndustrySchema,
  villageIndustryMapper,
} from "./db/entities/village-industry.entity.js";
export { ENTITY_SCHEMAS } from "./db/entity-schemas.js";
export { migrate, pendingMigrations } from "./db/migrate.js";
export { createOrm, MIGRATIONS } from "./db/orm.js";
export { createPool, createSqlExecutor } from "./db/pool.js";
export type { CreateGatewayOptions, Gateway } from "./gateway.js";
export { createGateway } from "./gateway.js";
export {
  createGraphqlPlugins,
  MAX_ALIASES,
  MAX_COMPLEXITY,
  MAX_DEPTH,
  MAX_PAGE_SIZE,
  usePersonalReadAudit,
  useQueryLimits,
} from "./graphql/limits.js";
export { createSchema, printGatewaySchema } from "./graphql/schema/index.js";
export { createLogger } from "./ops/logger.js";
export type { SeedOptions, SeedResult } from "./seed/seed-database.js";
export { isLedgerEmpty, seedSyntheticCounty } from "./seed/seed-database.js";
export type { GatewayServer, GatewayServerOptions } from "./server.js";
export { createGatewayServer } from "./server.js";
