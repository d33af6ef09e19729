import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { ensureDevelopmentKey } from "./auth/development-key.js";
import type { GatewayConfig } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { createLogger } from "./ops/logger.js";
import { type SeedResult, seedSyntheticCounty } from "./seed/seed-database.js";
import { createGatewayServer, type GatewayServer } from "./server.js";

/** Options of `createGateway`. */
export interface CreateGatewayOptions {
  readonly config: GatewayConfig;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Load the synthetic county when the database has no ledger: its household count, or false. Default false. */
  readonly seedHouseholds?: number | false;
  readonly onSeedProgress?: (message: string) => void;
  readonly plugins?: readonly Plugin[];
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
    const server = createGatewayServer({
      config,
      db,
      logger,
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
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
