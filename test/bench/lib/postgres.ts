// The benchmarks' own PostgreSQL: an embedded server (the one the gateway ships) started with
// pg_stat_statements preloaded, so that PostgreSQL itself counts every statement each server sends —
// the rate limiter's and the key lookup's included — and so that no other work on the machine's shared
// server weighs on the counts. Its processes' CPU time is read from /proc.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@fupin/gateway";
import pg from "pg";
import { treeCpuSeconds } from "./processes.js";

/** A dedicated PostgreSQL for one benchmark run. */
export interface BenchPostgres {
  /** URL of its `postgres` database (administration, statistics). */
  readonly adminUrl: string;
  readonly version: string;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Statements PostgreSQL has executed in a database so far (pg_stat_statements, top level, utility included). */
  statements(database: string): Promise<number>;
  /** CPU seconds used so far by the server and all its backends. */
  cpuSeconds(): number;
  /**
   * Vacuums and analyses a database, then writes every dirty page (CHECKPOINT), so that the next round
   * pays for no vacuum or page an earlier one left.
   */
  settle(database: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL in a temporary folder with pg_stat_statements loaded; with
 * `autovacuum: false`, vacuum runs only when `settle` asks for it.
 */
export async function startBenchPostgres(options: { autovacuum?: boolean } = {}): Promise<BenchPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "fupin-bench-pg-"));
  const dataDir = join(dir, "data");
  let server = await startEmbeddedPostgres({ dataDir, database: "postgres" });
  const setup = new pg.Client({ connectionString: server.url });
  await setup.connect();
  await setup.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
  await setup.query("alter system set pg_stat_statements.track_utility = on");
  await setup.query("alter system set max_connections = 200");
  // With autovacuum off, vacuum runs between rounds (settle), not during one: an autovacuum worker
  // woken by the inserts of earlier write rounds took the CPU of whichever round it fell in.
  if (options.autovacuum === false) await setup.query("alter system set autovacuum = off");
  await setup.end();
  await server.stop();
  server = await startEmbeddedPostgres({ dataDir, database: "postgres" });
  const admin = new pg.Pool({ connectionString: server.url, max: 2 });
  admin.on("error", () => undefined); // an idle connection told of the server's shutdown
  await admin.query("create extension if not exists pg_stat_statements");
  const version = (await admin.query<{ v: string }>("select version() as v")).rows[0]!.v;
  const urlOf = (database: string) => {
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const postmasterPid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    adminUrl: server.url,
    version,
    async createDatabase(name) {
      await admin.query(`create database ${name}`);
      return urlOf(name);
    },
    async statements(database) {
      const r = await admin.query<{ n: string }>(
        "select coalesce(sum(s.calls), 0)::text as n from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = $1",
        [database],
      );
      return Number(r.rows[0]!.n);
    },
    cpuSeconds: () => treeCpuSeconds(postmasterPid),
    async settle(database) {
      const db = new pg.Client({ connectionString: urlOf(database) });
      await db.connect();
      try {
        await db.query("vacuum (analyze)");
      } finally {
        await db.end();
      }
      await admin.query("checkpoint");
    },
    async stop() {
      await admin.end();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
