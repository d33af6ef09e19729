import { Migrator } from "@mikro-orm/migrations";
import { MikroORM, type Options, PostgreSqlDriver } from "@mikro-orm/postgresql";
import { Migration20261128000000 } from "../../migrations/Migration20261128000000.js";
import { ENTITY_SCHEMAS } from "./entity-schemas.js";

/** The committed migrations, in order (listed explicitly so no file discovery can silently skip one). */
export const MIGRATIONS = [{ name: "Migration20261128000000", class: Migration20261128000000 }] as const;

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
    migrations: {
      tableName: "mikro_orm_migrations",
      migrationsList: [...MIGRATIONS],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
}

/** Opens MikroORM on a database URL (writes go through `orm.em.fork()`). */
export async function createOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(createOrmOptions(url));
}
