import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { startAuditLinking } from "./audit/audit-linker.js";
import { ensureDevelopmentKey } from "./auth/development-key.js";
import type { GatewayConfig } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { createLogger } from "./ops/logger.js";
import { type SeedResult, seedSyntheticCounty } from "./seed/seed-database.js";
import { createGatewayServer, type GatewayServer } from "./server.js";
import { startSyncBoss } from "./sync/sync-boss.js";
import type { SyncService } from "./sync/sync-service.js";
import { loadSyncSettings } from "./sync/sync-settings.js";
import { startSyncWorker } from "./sync/sync-worker.js";

/** Options of `createGateway`. */
export interface CreateGatewayOptions {
  readonly config: GatewayConfig;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Load the synthetic county when the database has no ledger: its household count, or false. Default false. */
  readonly seedHouseholds?: number | false;
  readonly onSeedProgress?: (message: string) => void;
  readonly plugins?: readonly Plugin[];
  /**
   * The sync pipeline in this process: "worker" runs a worker beside the gateway (what `pnpm start` does),
   * "send" only queues runs and keeps schedules (another process works them), "off" (default) neither.
   */
  readonly sync?: "off" | "send" | "worker";
  /** Sync settings; default from the environment (`loadSyncSettings`). */
  readonly syncSettings?: import("./sync/sync-settings.js").SyncSettings;
  /** Keep a development key in this file (created when missing or no longer valid); default none. */
  readonly developmentKeyFile?: string;
}

/** A running gateway: its /graphql URL, database and HTTP server. */
export interface Gateway {
  readonly url: string;
  readonly db: Database;
  readonly server: GatewayServer;
  readonly logger: Logger;
  readonly seed: SeedResult | null;
  /** The development key, when `developmentKeyFile` was given. */
  readonly developmentKey: string | null;
  /** Closes the HTTP server, then the pool and ORM, then the embedded PostgreSQL. */
  close(): Promise<void>;
}

/** Starts the sync pipeline the options ask for: a worker, a send-only pg-boss, or nothing. */
async function startSync(
  options: CreateGatewayOptions,
  db: Database,
  logger: Logger,
): Promise<(SyncService & { stop(): Promise<void> }) | null> {
  if (!options.sync || options.sync === "off") return null;
  const settings = options.syncSettings ?? loadSyncSettings(process.env);
  if (options.sync === "worker") {
    return startSyncWorker({
      url: db.url,
      pool: db.pool,
      orm: db.orm,
      settings,
      logger,
      ...(options.now ? { now: options.now } : {}),
    });
  }
  const boss = await startSyncBoss(db.url, settings, { supervise: false });
  return { boss, settings, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

/** Opens the database (embedded when no URL is configured), migrates, optionally seeds, and serves. */
export async function createGateway(options: CreateGatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
  });
  try {
    const applied = await migrate(db.orm);
    if (applied.length > 0) logger.info({ migrations: applied }, "migrations applied");
    const seed =
      options.seedHouseholds === undefined || options.seedHouseholds === false
        ? null
        : await seedSyntheticCounty(db.pool, db.orm, {
            households: options.seedHouseholds,
            ...(options.now ? { now: options.now } : {}),
            ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
          });
    const developmentKey = options.developmentKeyFile
      ? (await ensureDevelopmentKey(db.pool, options.developmentKeyFile)).key
      : null;
    const stopLinking = startAuditLinking(db.pool, (e) =>
      logger.warn({ err: e instanceof Error ? e.message : String(e) }, "audit entries not linked"),
    );
    const sync = await startSync(options, db, logger);
    const server = createGatewayServer({
      config,
      db,
      logger,
      ...(sync ? { sync } : {}),
      // GraphiQL fills the key in only for the embedded database (a developer's own machine).
      ...(developmentKey && db.embedded ? { developmentKey } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.plugins ? { plugins: options.plugins } : {}),
    });
    const url = await server.listen();
    let closed = false;
    return {
      url,
      db,
      server,
      logger,
      seed,
      developmentKey,
      async close() {
        if (closed) return;
        closed = true;
        await server.close();
        await sync?.stop();
        await stopLinking();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
