import { fileURLToPath } from "node:url";
import { Migrator } from "@mikro-orm/migrations";
import { MikroORM, type Options, PostgreSqlDriver, PostgreSqlKnexDialect } from "@mikro-orm/postgresql";
import type pg from "pg";
import { Migration20261202160605 } from "../../migrations/Migration20261202160605.js";
import { Migration20261202160606 } from "../../migrations/Migration20261202160606.js";
import { Migration20261202165720 } from "../../migrations/Migration20261202165720.js";
import { Migration20261202170000 } from "../../migrations/Migration20261202170000.js";
import { Migration20261202172311 } from "../../migrations/Migration20261202172311.js";
import { Migration20261202172312 } from "../../migrations/Migration20261202172312.js";
import { Migration20261202175900 } from "../../migrations/Migration20261202175900.js";
import { Migration20261202194842 } from "../../migrations/Migration20261202194842.js";
import { Migration20261202195941 } from "../../migrations/Migration20261202195941.js";
import { Migration20261202195942 } from "../../migrations/Migration20261202195942.js";
import { Migration20261202202800 } from "../../migrations/Migration20261202202800.js";
import { Migration20261202203351 } from "../../migrations/Migration20261202203351.js";
import { Migration20261202203352 } from "../../migrations/Migration20261202203352.js";
import { Migration20261202203700 } from "../../migrations/Migration20261202203700.js";
import { Migration20261202210052 } from "../../migrations/Migration20261202210052.js";
import { Migration20261203020000 } from "../../migrations/Migration20261203020000.js";
import { Migration20261203060000 } from "../../migrations/Migration20261203060000.js";
import { Migration20261203091120 } from "../../migrations/Migration20261203091120.js";
import { Migration20261203100000 } from "../../migrations/Migration20261203100000.js";
import { Migration20261203120000 } from "../../migrations/Migration20261203120000.js";
import { Migration20261204140000 } from "../../migrations/Migration20261204140000.js";
import { Migration20261204140001 } from "../../migrations/Migration20261204140001.js";
import { ENTITY_SCHEMAS } from "./entity-schemas.js";

/**
 * The committed migrations, in order (listed explicitly so no file discovery can silently skip one):
 * the schema generated from the table descriptions, then the hand-written part they cannot express;
 * then the frozen report submissions (generated table, hand-written trigger); then household credit
 * and its returns; then the sync tables; then fund disbursements (credit and disbursements each:
 * generated tables, hand-written ledger-version triggers); then the village responsible person; then the audit chain's one-statement append; then the ledger-version bump a one-statement write calls; then an index of household industries; then that bump in PL/pgSQL.
 */
export const MIGRATIONS = [
  { name: "Migration20261202160605", class: Migration20261202160605 },
  { name: "Migration20261202160606", class: Migration20261202160606 },
  { name: "Migration20261202165720", class: Migration20261202165720 },
  { name: "Migration20261202170000", class: Migration20261202170000 },
  { name: "Migration20261202172311", class: Migration20261202172311 },
  { name: "Migration20261202172312", class: Migration20261202172312 },
  { name: "Migration20261202175900", class: Migration20261202175900 },
  { name: "Migration20261202194842", class: Migration20261202194842 },
  { name: "Migration20261202195941", class: Migration20261202195941 },
  { name: "Migration20261202195942", class: Migration20261202195942 },
  { name: "Migration20261202202800", class: Migration20261202202800 },
  { name: "Migration20261202203351", class: Migration20261202203351 },
  { name: "Migration20261202203352", class: Migration20261202203352 },
  { name: "Migration20261202203700", class: Migration20261202203700 },
  { name: "Migration20261202210052", class: Migration20261202210052 },
  { name: "Migration20261203020000", class: Migration20261203020000 },
  { name: "Migration20261203060000", class: Migration20261203060000 },
  { name: "Migration20261203091120", class: Migration20261203091120 },
  { name: "Migration20261203100000", class: Migration20261203100000 },
  { name: "Migration20261203120000", class: Migration20261203120000 },
  { name: "Migration20261204140000", class: Migration20261204140000 },
  { name: "Migration20261204140001", class: Migration20261204140001 },
] as const;

/** Where the committed migrations live (`packages/gateway/migrations`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Tables created by hand-written migrations and left out of the metadata (the rate limiter's store, the ledger versions). */
export const UNDESCRIBED_TABLES = ["rate_limit", "ledger_version"] as const;

/** MikroORM options of the gateway for a database URL. */
export function createOrmOptions(url: string): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: [...ENTITY_SCHEMAS],
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    pool: { min: 0, max: 5 },
    schemaGenerator: { skipTables: [...UNDESCRIBED_TABLES] },
    migrations: {
      tableName: "mikro_orm_migrations",
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      emit: "ts",
      migrationsList: [...MIGRATIONS],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
}

type KnexConnection = pg.PoolClient & { __knex__disposed?: unknown };
const onLost = Symbol("onLost");

/**
 * MikroORM's query layer (knex) normally opens pg clients of its own; this dialect borrows them from
 * the gateway's pool instead and gives them back when knex lets them go, so the migrator and anything
 * else MikroORM runs use the one pool.
 */
function sharedPoolDialect(pool: pg.Pool): typeof PostgreSqlKnexDialect {
  return class SharedPoolDialect extends PostgreSqlKnexDialect {
    async _acquireOnlyConnection(): Promise<KnexConnection> {
      const connection = (await pool.connect()) as KnexConnection & { [onLost]?: (e?: unknown) => void };
      const lost = (e?: unknown) => {
        connection.__knex__disposed = e ?? "connection ended unexpectedly";
      };
      connection[onLost] = lost;
      connection.on("error", lost);
      connection.on("end", lost);
      return connection;
    }

    async destroyRawConnection(
      connection: KnexConnection & { [onLost]?: (e?: unknown) => void },
    ): Promise<void> {
      const lost = connection[onLost];
      if (lost) {
        connection.off("error", lost);
        connection.off("end", lost);
      }
      connection.release(
        connection.__knex__disposed ? new Error(String(connection.__knex__disposed)) : undefined,
      );
    }
  } as unknown as typeof PostgreSqlKnexDialect;
}

/**
 * Opens MikroORM on a database URL. Given the gateway's pool, MikroORM borrows its connections from
 * it (one pool; a borrowed connection goes back after a second idle); without, it opens its own
 * (the migration generator, tests of the metadata).
 */
export async function createOrm(url: string, pool?: pg.Pool): Promise<MikroORM> {
  const options = createOrmOptions(url);
  if (!pool) return MikroORM.init(options);
  return MikroORM.init({
    ...options,
    pool: { min: 0, max: 2, idleTimeoutMillis: 1000 },
    driverOptions: { client: sharedPoolDialect(pool) },
  });
}
