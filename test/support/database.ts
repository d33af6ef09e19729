import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createOrm,
  createPool,
  type Database,
  type EmbeddedPostgres,
  migrate,
  startEmbeddedPostgres,
} from "@fupin/gateway";
import type pg from "pg";

/** A fresh, migrated database for one test file: the pool, MikroORM on it (migrator, metadata) and how to drop it. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly pool: pg.Pool;
  readonly orm: Database["orm"];
  /** Whether it lives in an embedded PostgreSQL (no DATABASE_URL, or forced). */
  readonly embedded: boolean;
  /** The server's admin URL (same server, database `postgres`). */
  readonly adminUrl: string;
  /** Closes the pool and ORM and drops the database (and stops the embedded server when it was the last user). */
  close(): Promise<void>;
}

/** Options of `createTestDatabase`. */
export interface TestDatabaseOptions {
  /** Use an embedded PostgreSQL even when DATABASE_URL is set. */
  readonly forceEmbedded?: boolean;
  /** Create it on this server (any database's URL on it) instead: a test's own server, kept running. */
  readonly serverUrl?: string;
  /** Apply the migrations. Default true. */
  readonly migrate?: boolean;
}

let shared: { server: EmbeddedPostgres; dir: string; users: number } | null = null;
let starting: Promise<{ server: EmbeddedPostgres; dir: string; users: number }> | null = null;

async function acquireEmbedded(): Promise<{ server: EmbeddedPostgres; dir: string; users: number }> {
  if (shared) {
    shared.users++;
    return shared;
  }
  starting ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fupin-test-pg-"));
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "postgres" });
    shared = { server, dir, users: 0 };
    return shared;
  })();
  const s = await starting;
  starting = null;
  s.users++;
  return s;
}

async function releaseEmbedded(): Promise<void> {
  if (!shared) return;
  shared.users--;
  if (shared.users > 0) return;
  const { server, dir } = shared;
  shared = null;
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates a fresh database for a test file: on the server of DATABASE_URL when it is set
 * (`fupin_test_<random>`, dropped by `close`), else in an embedded PostgreSQL shared by the test
 * process, or on `serverUrl`'s server. Migrated unless `migrate: false`.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const useEmbedded =
    options.serverUrl === undefined && (options.forceEmbedded === true || !process.env.DATABASE_URL);
  const embedded = useEmbedded ? await acquireEmbedded() : null;
  const adminUrl = embedded
    ? withDatabase(embedded.server.url, "postgres")
    : options.serverUrl
      ? withDatabase(options.serverUrl, "postgres")
      : process.env.DATABASE_URL!;
  const name = `fupin_test_${randomBytes(6).toString("hex")}`;
  const url = withDatabase(adminUrl, name);
  const dropDatabase = async () => {
    const admin = createPool(adminUrl, 1);
    try {
      await admin.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end();
    }
  };
  let pool: pg.Pool | undefined;
  let orm: Database["orm"] | undefined;
  try {
    const admin = createPool(adminUrl, 1);
    try {
      await admin.query(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    pool = createPool(url, 10);
    orm = await createOrm(url, pool);
    if (options.migrate !== false) await migrate(orm);
  } catch (e) {
    await orm?.close(true).catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await dropDatabase().catch(() => undefined);
    if (embedded) await releaseEmbedded();
    throw e;
  }
  const [openPool, openOrm] = [pool, orm];
  let closed = false;
  return {
    url,
    name,
    pool: openPool,
    orm: openOrm,
    embedded: useEmbedded,
    adminUrl,
    async close() {
      if (closed) return;
      closed = true;
      await openOrm.close(true).catch(() => undefined);
      await openPool.end().catch(() => undefined);
      try {
        await dropDatabase();
      } finally {
        if (embedded) await releaseEmbedded();
      }
    },
  };
}
