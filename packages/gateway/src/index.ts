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
export type {
  AuditEntry,
  AuditWriter,
  GatewayContext,
  GatewayServices,
  SqlExecutor,
  SqlTransaction,
} from "./context.js";
export type { Database, OpenDatabaseOptions } from "./db/database.js";
export { DEFAULT_DATA_DIR, openDatabase } from "./db/database.js";
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from "./db/embedded-postgres.js";
export { findFreePort, startEmbeddedPostgres, stopStaleServer } from "./db/embedded-postgres.js";
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
export type { RateLimiter } from "./http/rate-limiter.js";
export { createPostgresRateLimiter } from "./http/rate-limiter.js";
export type { RequestInfo } from "./http/request-info.js";
export { requestInfo } from "./http/request-info.js";
export { useAuth } from "./http/use-auth.js";
export { useBodyLimit } from "./http/use-body-limit.js";
export { useOpsRoutes } from "./http/use-ops-routes.js";
export { useRateLimit } from "./http/use-rate-limit.js";
export { useRequestLog } from "./http/use-request-log.js";
export type { ImportCaller, LedgerImportOptions, LedgerImportOutcome } from "./import/import-ledger.js";
export { importLedgerFile } from "./import/import-ledger.js";
export type {
  Column,
  LedgerTable,
  LedgerTableDefinition,
  TableScope,
  UniqueFailure,
  UniqueRule,
} from "./ledger/ledger-table.js";
export { column, defineLedgerTable } from "./ledger/ledger-table.js";
export { LEDGER_TABLES } from "./ledger/tables.js";
export { createLogger } from "./ops/logger.js";
export type { PreparedReport, ReportRequest } from "./reports/report-data.js";
export { parseReportRequest, prepareReport } from "./reports/report-data.js";
export type { SeedOptions, SeedResult } from "./seed/seed-database.js";
export { isLedgerEmpty, seedSyntheticCounty } from "./seed/seed-database.js";
export type { GatewayServer, GatewayServerOptions, GatewayYoga } from "./server.js";
export { createGatewayServer, createGatewayYoga } from "./server.js";
export type { ScheduleInput, SyncScheduleView } from "./sync/schedules.js";
export {
  cronProblem,
  nextTick,
  onScheduleTick,
  periodDueAt,
  SYNC_TIMEZONE,
  saveSchedule,
} from "./sync/schedules.js";
export {
  SYNC_BOSS_SCHEMA,
  SYNC_DEAD_QUEUE,
  SYNC_RUN_QUEUE,
  startSyncBoss,
  tickQueueName,
} from "./sync/sync-boss.js";
export { SYNC_LEASE_CLASS } from "./sync/sync-lease.js";
export type { AttemptOutcome } from "./sync/sync-pipeline.js";
export { urlVariable } from "./sync/sync-pipeline.js";
export type { SyncRunStatus } from "./sync/sync-run.table.js";
export { SYNC_RUN_STATUSES } from "./sync/sync-run.table.js";
export type { SyncRunView } from "./sync/sync-runs.js";
export { loadRun } from "./sync/sync-runs.js";
export type { RunRequest, SyncService } from "./sync/sync-service.js";
export { requestSyncRun, rerunSyncRun } from "./sync/sync-service.js";
export type { SyncSettings } from "./sync/sync-settings.js";
export { loadSyncSettings } from "./sync/sync-settings.js";
export { SYNC_SWEEP_PRINCIPAL, sweepLostRuns } from "./sync/sync-sweep.js";
export type { SyncWorker, SyncWorkerOptions } from "./sync/sync-worker.js";
export { startSyncWorker } from "./sync/sync-worker.js";
