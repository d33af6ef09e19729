// The read and write paths against their references: fupin (region scope, masking, personal-read
// audit, rate limit and authentication on) on Node 20 and Node 22, PostGraphile 4.14.1 and
// PostGraphile 5, all over one database on a dedicated PostgreSQL, on six shapes (Q1, Q2, Q3, a
// filtered list, a write to one household, writes to many households in turn). Answers are compared before anything is timed; rounds alternate between
// servers (the order rotates each round, a write round starting vacuumed, on a fresh checkpoint) and figures are
// medians with their range; PostgreSQL counts the statements (pg_stat_statements), /proc gives CPU time
// and fupin's /metrics the time its main thread spent in garbage-collection pauses. Writes
// test/bench/RESULTS.md. Asserts nothing: it prints figures against references measured in the same run.
//
// Options: --baseline-dir DIR also measures the fupin gateway of another checkout (migrated and seeded
// by its own code, in its own database on the same server), e.g. the main branch before a change;
// --shapes q1,q3 measures only those shapes; --servers fupin20,pg5 starts only those servers (fupin20,
// fupin22, before, pg4, pg5). BENCH_CPU_PROF_DIR=dir starts the fupin servers with --cpu-prof (see
// profile-summary.ts). Environment: BENCH_HOUSEHOLDS (10000), BENCH_SECONDS per
// round (5), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (10), BENCH_LOG_LEVEL (info).
// Each checkout's fupin runs with the Node flags of its `start` script; BENCH_GATEWAY_NODE_ARGS
// (e.g. "--max-semi-space-size=64") replaces them for this checkout's servers only, and
// BENCH_SERVER_LOG_DIR=dir keeps each server's output there (with "--import tsx --trace-gc-nvp": its

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type LoadRequest, postOnce, runRound } from "./lib/load.js";
import { ensureNode22, NODE22_VERSION, POSTGRAPHILE5_VERSION } from "./lib/node22.js";
import { type BenchPostgres, startBenchPostgres } from "./lib/postgres.js";
import type { Prepared } from "./lib/prepare.js";
import { residentMb, stopChild } from "./lib/processes.js";
import {
  fmt,
  machineDetails,
  rpsSummary,
  type ServerFigures,
  shapeTable,
  writeResultsSection,
} from "./lib/report.js";
import {
  describeCheckout,
  prepareDatabase,
  type Server,
  startFupin,
  startPostgraphile,
} from "./lib/servers.js";
import { SHAPES, type Shape, writtenSubsidy } from "./lib/shapes.js";
// scavenges and the bytes each promotes).
import { BENCH_WRITE_HEADER } from "./servers/bench-audit-linking.js";

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const benchDir = import.meta.dirname;
const repoRoot = resolve(benchDir, "..", "..");
const { values: options } = parseArgs({
  options: { "baseline-dir": { type: "string" }, shapes: { type: "string" }, servers: { type: "string" } },
  allowPositionals: true,
});
const baselineDir = options["baseline-dir"] ? resolve(options["baseline-dir"]) : null;
const shapes = SHAPES.filter((s) => !options.shapes || options.shapes.split(",").includes(s.id));
/** Servers to start by id (fupin20, fupin22, before, pg4, pg5); default all. */
/** This checkout's commit, read before anything starts. */
const headDescription = describeCheckout(repoRoot);
const wanted = (id: string) => !options.servers || options.servers.split(",").includes(id);

interface Db {
  url: string;
  name: string;
  prepared: Prepared;
}

async function createDb(pgServer: BenchPostgres, name: string, checkout: string): Promise<Db> {
  const url = await pgServer.createDatabase(name);
  const started = performance.now();
  const prepared = prepareDatabase(repoRoot, checkout, url, households);
  console.log(
    `database ${name}: ${prepared.households} households, ${prepared.members} members, prepared by ${describeCheckout(checkout)} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return { url, name, prepared };
}

function loadRequest(server: Server, shape: Shape): Omit<LoadRequest, "verify"> {
  const r = shape.request(server.dialect, server.prepared);
  const variants = shape.variants?.(server.prepared) ?? 1;
  return {
    body: r.body,
    ...(variants > 1
      ? {
          bodies: Array.from(
            { length: variants },
            (_, i) => shape.request(server.dialect, server.prepared, i).body,
          ),
        }
      : {}),
    headers: {
      "content-type": "application/json",
      ...(r.key ? { authorization: `Bearer ${r.key}` } : {}),
      // PostGraphile links its writes' audit entries once they are answered, as fupin does its own.
      ...(shape.write && server.dialect !== "fupin" ? { [BENCH_WRITE_HEADER]: "1" } : {}),
    },
  };
}

/** Sends the shape once to every server, checks the answers agree (and a write's audit entry), returns the load requests. */
async function checkAnswers(shape: Shape, servers: readonly Server[]): Promise<Map<Server, LoadRequest>> {
  const requests = new Map<Server, LoadRequest>();
  // Servers over one database must agree; a baseline checkout seeds its own database with its own
  // generator, which may differ, so its answers are compared only with servers over the same data.
  const references = new Map<string, { server: string; answer: string }>();
  for (const server of servers) {
    const request = loadRequest(server, shape);
    const { status, text } = await postOnce(server.url, request);
    const json = JSON.parse(text) as { errors?: unknown };
    if (status !== 200 || json.errors)
      throw new Error(`${server.name} ${shape.id}: ${status} ${text.slice(0, 800)}`);
    const answer = JSON.stringify(shape.normalise(server.dialect, json));
    if (answer.length < 10) throw new Error(`${server.name} ${shape.id}: empty answer ${text.slice(0, 300)}`);
    const reference = references.get(server.database);
    if (!reference) references.set(server.database, { server: server.name, answer });
    else if (answer !== reference.answer) {
      throw new Error(
        `${shape.id}: ${server.name} answers differently from ${reference.server}:\n${answer.slice(0, 600)}\n---\n${reference.answer.slice(0, 600)}`,
      );
    }
    if (shape.write) await checkAudited(server, writtenSubsidy(server.dialect, json).id);
    requests.set(server, {
      ...request,
      verify: shape.write ? (b) => b.startsWith('{"data"') && !b.includes('"errors"') : (b) => b === text,
    });
  }
  return requests;
}

async function checkAudited(server: Server, subsidyId: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_type = 'subsidy' and entity_id = $1 and action = 'create'",
      [subsidyId],
    );
    if (r.rows[0]?.n !== 1)
      throw new Error(`${server.name}: subsidy ${subsidyId} has ${r.rows[0]?.n} audit entries`);
  } finally {
    await client.end();
  }
}

/** Statements per request sent one at a time (after the answer check, so key caches are warm). */
async function sequentialStatements(
  pgServer: BenchPostgres,
  server: Server,
  request: LoadRequest,
): Promise<number> {
  const n = 10;
  const before = await pgServer.statements(server.database);
  for (let i = 0; i < n; i++) await postOnce(server.url, request);
  return ((await pgServer.statements(server.database)) - before) / n;
}

async function measureShape(pgServer: BenchPostgres, shape: Shape, servers: readonly Server[]) {
  const requests = await checkAnswers(shape, servers);
  const figures = new Map<Server, { rounds: import("./lib/load.js").Round[]; sequential: number }>();
  for (const s of servers) {
    figures.set(s, { rounds: [], sequential: await sequentialStatements(pgServer, s, requests.get(s)!) });
  }
  for (const s of servers)
    await runRound(pgServer, s, requests.get(s)!, { seconds: warmupSeconds, connections });
  for (let round = 0; round < roundCount; round++) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
    for (const s of order) {
      // A write round starts vacuumed and on a clean checkpoint: none pays for what an earlier one left.
      if (shape.write) await pgServer.settle(s.database);
      const r = await runRound(pgServer, s, requests.get(s)!, { seconds, connections });
      figures.get(s)!.rounds.push(r);
      console.log(
        `  ${shape.id} round ${round + 1} ${s.name.padEnd(30)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  cpu ${r.cpuMs.toFixed(2)} ms/req  gc ${fmt(r.gcMs, 3)} ms/req  pg ${r.pgCpuMs.toFixed(2)} ms/req  sql ${r.statements.toFixed(2)}/req  errors ${r.errors}`,
      );
    }
  }
  return servers.map(
    (s): ServerFigures => ({
      server: s.name,
      rounds: figures.get(s)!.rounds,
      sequentialStatements: figures.get(s)!.sequential,
    }),
  );
}

async function startServers(head: Db, before: Db | null, node22: ReturnType<typeof ensureNode22>) {
  const servers: Server[] = [];
  if (wanted("fupin20")) servers.push(await startFupin("fupin (Node 20)", repoRoot, process.execPath, head));
  if (wanted("fupin22")) servers.push(await startFupin("fupin (Node 22)", repoRoot, node22.node, head));
  if (before && baselineDir && wanted("before"))
    servers.push(await startFupin("fupin before (Node 20)", baselineDir, process.execPath, before));
  if (wanted("pg4")) servers.push(await startPostgraphile(4, repoRoot, node22, head));
  if (wanted("pg5")) servers.push(await startPostgraphile(5, repoRoot, node22, head));
  return servers;
}

function summary(
  results: readonly { shape: Shape; rows: readonly ServerFigures[] }[],
  memory: string[],
  pgVersion: string,
): string {
  const parts = [
    "## Gateway: fupin against PostGraphile 4 and 5",
    "",
    machineDetails([
      `Run ${new Date().toISOString()}; ${households} households; ${roundCount} rounds of ${seconds} s per server and shape after a ${warmupSeconds} s warm-up, ${connections} connections; rounds alternate between servers and the order rotates each round`,
      `PostgreSQL: ${pgVersion}, a dedicated embedded server with pg_stat_statements (statements counted by PostgreSQL, top level, BEGIN/COMMIT included); autovacuum off, each write round starting on VACUUM (ANALYZE) of its database and a CHECKPOINT`,
      `Node: ${process.version} and ${NODE22_VERSION} (npm \`node\` package); PostGraphile 4.14.1 on ${process.version}, PostGraphile ${POSTGRAPHILE5_VERSION} (Amber preset) on ${NODE22_VERSION}; autocannon 8.0.0 in the benchmark's own process`,
      `fupin with region scope, masking, the personal-read audit, the rate limit (counted in PostgreSQL on every request) and API-key authentication on, LOG_LEVEL ${process.env.BENCH_LOG_LEVEL ?? "info"}; PostGraphile with none of these`,
      "Every server's write inserts its audit entry unlinked and links it in its own process once the write is answered (fupin's linker; the PostGraphile servers run the same code, nudged by the benchmark's x-bench-write header): each counts the linking in its CPU and statements",
      ...(baselineDir
        ? [
            `fupin before: ${describeCheckout(baselineDir)} (${baselineDir}), over its own database seeded by its own code (answers compared with head's only where both seed the same data)`,
          ]
        : []),
      `fupin head: ${headDescription}`,
      "The machine has 2 cores shared with other work while this ran: figures are noisy. Read the medians and ranges, and compare servers only within one run.",
    ]),
    "",
  ];
  for (const { shape, rows } of results) parts.push(`### ${shape.title}`, "", shapeTable(rows), "");
  parts.push(`Resident memory after the run: ${memory.join("; ")}`);
  return parts.join("\n");
}

async function main(): Promise<void> {
  const node22 = ensureNode22(benchDir);
  const pgServer = await startBenchPostgres({ autovacuum: false });
  const servers: Server[] = [];
  try {
    const head = await createDb(pgServer, "fupin_bench", repoRoot);
    const sqlClient = new pg.Client({ connectionString: head.url });
    await sqlClient.connect();
    await sqlClient.query(readFileSync(join(benchDir, "servers/postgraphile.sql"), "utf8"));
    await sqlClient.end();
    const before = baselineDir ? await createDb(pgServer, "fupin_bench_before", baselineDir) : null;
    servers.push(...(await startServers(head, before, node22)));
    const results: { shape: Shape; rows: ServerFigures[] }[] = [];
    for (const shape of shapes) {
      console.log(`\n${shape.title}`);
      const rows = await measureShape(pgServer, shape, servers);
      results.push({ shape, rows });
      console.log(shapeTable(rows));
      const q1 = (name: string) => rows.find((r) => r.server.startsWith(name));
      const fupin = q1("fupin (Node 20)");
      const pg4 = q1("PostGraphile 4");
      const beforeRow = q1("fupin before");
      if (shape.id === "q1" && fupin && pg4) {
        const f = rpsSummary(fupin.rounds).median;
        const g = rpsSummary(pg4.rounds).median;
        console.log(
          `households(first:100){members}: fupin ${f.toFixed(1)} req/s, PostGraphile ${g.toFixed(1)} req/s, ratio fupin/PostGraphile ${(f / g).toFixed(2)}`,
        );
        if (beforeRow) {
          const b = rpsSummary(beforeRow.rounds).median;
          console.log(
            `before: ${b.toFixed(1)} req/s, ratio before/PostGraphile ${(b / g).toFixed(2)}; after/before ${(f / b).toFixed(2)}`,
          );
        }
      }
    }
    const memory = servers.map((s) => `${s.name} ${residentMb(s.pid).toFixed(0)} MB`);
    const text = summary(results, memory, pgServer.version);
    writeResultsSection(join(benchDir, "RESULTS.md"), "gateway", text);
    console.log(`\n${memory.join("; ")}\nwrote ${join(benchDir, "RESULTS.md")}`);
  } finally {
    for (const s of servers) await stopChild(s.child);
    await pgServer.stop();
  }
}

await main();
