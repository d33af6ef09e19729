import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { migrate } from "./migrate.js";
import { createOrm, MIGRATIONS_DIR } from "./orm.js";

/**
 * Writes the migration that brings the committed migrations up to the table descriptions: applies
 * them to a scratch database (on DATABASE_URL's server, else an embedded one) and lets MikroORM's
 * migrator write the difference to `migrations/`. Prints the file, or that nothing changed.
 */
async function createMigration(): Promise<void> {
  const dir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(tmpdir(), "fupin-migration-"));
  const embedded = dir ? await startEmbeddedPostgres({ dataDir: path.join(dir, "data") }) : null;
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const scratch = `fupin_migration_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${scratch}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    const orm = await createOrm(url.toString());
    try {
      await migrate(orm);
      const result = await orm.getMigrator().createMigration(MIGRATIONS_DIR);
      console.log(
        result.fileName
          ? `wrote migrations/${result.fileName}: add it to MIGRATIONS in src/db/orm.ts`
          : "the migrations match the table descriptions: nothing to write",
      );
    } finally {
      await orm.close(true);
    }
  } finally {
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
    await embedded?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

await createMigration();
