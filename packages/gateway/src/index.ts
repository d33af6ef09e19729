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
export type { GatewayConfig, JwtConfig } from "./config.js";
export { ConfigError, loadConfig } from "./config.js";
export type { AuditEntry, AuditWriter, GatewayContext, GatewayServices, SqlExecutor } from "./context.js";
export type { Database, OpenDatabaseOptions } from "./db/database.js";
export { DEFAULT_DATA_DIR, openDatabase } from "./db/database.js";
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from "./db/embedded-postgres.js";
export { startEmbeddedPostgres, stopStaleServer } from "./db/embedded-postgres.js";
export { migrate, pendingMigrations } from "./db/migrate.js";
export { createOrm, MIGRATIONS } from "./db/orm.js";
export { createPool, createSqlExecutor } from "./db/pool.js";
export type { CreateGatewayOptions, Gateway } from "./gateway.js";
export { createGateway } from "./gateway.js";
export { createLogger } from "./ops/logger.js";
export type { SeedOptions, SeedResult } from "./seed/seed-database.js";
export { isLedgerEmpty, seedSyntheticCounty } from "./seed/seed-database.js";
export type { GatewayServer, GatewayServerOptions } from "./server.js";
export { createGatewayServer } from "./server.js";
