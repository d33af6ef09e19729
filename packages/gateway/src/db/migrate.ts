import type { MikroORM } from "@mikro-orm/postgresql";
import { MIGRATIONS } from "./orm.js";

/** Applies pending migrations; returns the names applied now. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** Names of the committed migrations not yet applied to the database (reads the migrations table only). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const exists = await orm.em
    .getConnection()
    .execute<{ found: boolean }[]>("select to_regclass('mikro_orm_migrations') is not null as found");
  if (!exists[0]?.found) return MIGRATIONS.map((m) => m.name);
  const rows = await orm.em
    .getConnection()
    .execute<{ name: string }[]>("select name from mikro_orm_migrations");
  const done = new Set(rows.map((r) => r.name.replace(/\.[jt]s$/, "")));
  return MIGRATIONS.map((m) => m.name).filter((n) => !done.has(n));
}
