import { fileURLToPath } from "node:url";
import type { MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import { auditLinker } from "../audit/audit-linker.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.js";
import { createOrm } from "./orm.js";
import { createPool } from "./pool.js";

/** The default embedded data folder: `<repo>/.data/postgres` (git-ignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../../.data/postgres", import.meta.url));

/** An open database: the URL, the one pg Pool (reads, writes, audit, rate limit, and MikroORM's migrator), MikroORM, and the embedded server if one was started. */
export interface Database {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly orm: MikroORM;
  readonly embedded: EmbeddedPostgres | null;
  /** Closes the pool and the ORM, then stops the embedded server. */
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent an embedded PostgreSQL is started in `dataDir`. */
  readonly url?: string;
  readonly dataDir?: string;
  readonly poolSize?: number;
  readonly onLog?: (message: string) => void;
}

/** Connects to PostgreSQL at `url`, or starts the embedded one; does not migrate. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded = options.url
    ? null
    : await startEmbeddedPostgres({
        dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
        ...(options.onLog ? { onLog: options.onLog } : {}),
      });
  const url = options.url ?? embedded!.url;
  let pool: pg.Pool | undefined;
  try {
    pool = createPool(url, options.poolSize ?? 10);
    const orm = await createOrm(url, pool);
    let closed = false;
    return {
      url,
      pool,
      orm,
      embedded,
      async close() {
        if (closed) return;
        closed = true;
        // Entries committed here are linked before the pool goes (else they wait for the next linker).
        await auditLinker(pool!).settled();
        // The ORM's connections are borrowed from the pool: give them back before ending it.
        await orm.close(true).catch(() => undefined);
        await pool!.end().catch(() => undefined);
        await embedded?.stop();
      },
    };
  } catch (e) {
    await pool?.end().catch(() => undefined);
    await embedded?.stop();
    throw e;
  }
}
