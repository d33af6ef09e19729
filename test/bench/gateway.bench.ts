// The read path against its reference: `households(first: 100) { members }` served by the fupin
// gateway (region scope and masking on) and by PostGraphile 4 on the same database, in the same run,
// each server in its own process, loaded by autocannon from this process. Prints requests per second,
// latency, SQL statements per request and the ratio. Asserts nothing.
//
// BENCH_HOUSEHOLDS (default 10000), BENCH_SECONDS per round (default 10), BENCH_CONNECTIONS (default 10).
// Uses DATABASE_URL's server when set (a fresh database, dropped afterwards), else embedded PostgreSQL.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createApiKey,
  migrate,
  openDatabase,
  seedSyntheticCounty,
  startEmbeddedPostgres,
} from "@fupin/gateway";
import autocannon from "autocannon";
import pg from "pg";

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const repoRoot = join(import.meta.dirname, "..", "..");

interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Households and members in one response, to check both servers answer the same question. */
  readonly count: (json: unknown) => { households: number; members: number };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  child.removeAllListeners("exit");
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

async function post(target: Target): Promise<{ json: unknown; sqlStatements: string | null }> {
  const response = await fetch(target.url, { method: "POST", headers: target.headers, body: target.body });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors)
    throw new Error(`${target.name}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return { json, sqlStatements: response.headers.get("x-sql-statements") };
}

async function load(target: Target): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: "POST",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
}

function line(name: string, r: autocannon.Result): string {
  const errors = r.errors + r.non2xx + r.timeouts;
  return `${name.padEnd(28)} ${r.requests.average.toFixed(1).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   errors ${errors}`;
}

async function main(): Promise<void> {
  let embeddedDir: string | null = null;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    embeddedDir = await mkdtemp(join(tmpdir(), "fupin-bench-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: join(embeddedDir, "data"), database: "postgres" });
    stopEmbedded = () => server.stop();
    adminUrl = server.url;
  }
  const dbName = `fupin_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  try {
    const db = await openDatabase({ url: databaseUrl });
    await migrate(db.orm);
    const seedStarted = performance.now();
    const seed = await seedSyntheticCounty(db.pool, db.orm, {
      households,
      referenceYear: 2025,
      now: () => new Date("2025-11-30T04:00:00Z"),
    });
    const counts = await db.pool.query<{ h: number; m: number }>(
      "select (select count(*)::int from household) as h, (select count(*)::int from member) as m",
    );
    console.log(
      `database: ${process.env.DATABASE_URL ? "DATABASE_URL server" : "embedded PostgreSQL"}, ${counts.rows[0]?.h} households, ${counts.rows[0]?.m} members, seeded in ${(performance.now() - seedStarted).toFixed(0)} ms (${seed.seeded ? seed.rows : 0} rows)`,
    );
    const key = await createApiKey(db.pool, {
      regionCode: "360723",
      permissions: ["ledger:read"],
      label: "bench",
    });
    await db.close();

    const fupinPort = await freePort();
    children.push(
      await startChild(
        "fupin gateway",
        ["packages/gateway/src/cli/main.ts", "start"],
        {
          DATABASE_URL: databaseUrl,
          PORT: String(fupinPort),
          LOG_LEVEL: "warn",
          RATE_LIMIT_PER_MINUTE: "100000000",
          FUPIN_EXPOSE_SQL_COUNT: "1",
        },
        /listening on/,
      ),
    );
    const graphilePort = await freePort();
    children.push(
      await startChild(
        "PostGraphile",
        ["test/bench/servers/postgraphile-server.ts"],
        { DATABASE_URL: databaseUrl, PORT: String(graphilePort) },
        /ready /,
      ),
    );

    const fupin: Target = {
      name: "fupin (scoped, masked)",
      url: `http://127.0.0.1:${fupinPort}/graphql`,
      headers: { "content-type": "application/json", authorization: `Bearer ${key.key}` },
      body: JSON.stringify({
        query:
          'query Bench { households(regionCode: "360723", first: 100) { nodes { id householdNumber members { name idNumber relation } } } }',
      }),
      count: (json) => {
        const nodes = (json as { data: { households: { nodes: { members: unknown[] }[] } } }).data.households
          .nodes;
        return { households: nodes.length, members: nodes.reduce((n, h) => n + h.members.length, 0) };
      },
    };
    const graphile: Target = {
      name: "PostGraphile 4.14.1",
      url: `http://127.0.0.1:${graphilePort}/graphql`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "query Bench { allHouseholds(first: 100, orderBy: ID_ASC) { nodes { id householdNumber membersByHouseholdId { nodes { name idNumber relation } } } } }",
      }),
      count: (json) => {
        const nodes = (
          json as { data: { allHouseholds: { nodes: { membersByHouseholdId: { nodes: unknown[] } }[] } } }
        ).data.allHouseholds.nodes;
        return {
          households: nodes.length,
          members: nodes.reduce((n, h) => n + h.membersByHouseholdId.nodes.length, 0),
        };
      },
    };

    const sample = await post(fupin);
    const reference = await post(graphile);
    const a = fupin.count(sample.json);
    const b = graphile.count(reference.json);
    console.log(
      `one request: fupin ${a.households} households / ${a.members} members in ${sample.sqlStatements ?? "?"} SQL statements; PostGraphile ${b.households} / ${b.members}`,
    );
    if (a.households !== b.households || a.members !== b.members) {
      throw new Error("the two servers did not return the same households and members");
    }

    console.log(
      `load: ${connections} connections, ${seconds} s per round, rounds interleaved (warm-up round not counted)`,
    );
    await load(fupin);
    await load(graphile);
    const rounds: { fupin: autocannon.Result; graphile: autocannon.Result }[] = [];
    for (let i = 0; i < 2; i++) rounds.push({ fupin: await load(fupin), graphile: await load(graphile) });
    for (const [i, r] of rounds.entries()) {
      console.log(line(`${fupin.name} #${i + 1}`, r.fupin));
      console.log(line(`${graphile.name} #${i + 1}`, r.graphile));
    }
    const mean = (pick: (r: (typeof rounds)[number]) => autocannon.Result) =>
      rounds.reduce((s, r) => s + pick(r).requests.average, 0) / rounds.length;
    const fupinRps = mean((r) => r.fupin);
    const graphileRps = mean((r) => r.graphile);
    console.log(
      `households(first:100){members}: fupin ${fupinRps.toFixed(1)} req/s, PostGraphile ${graphileRps.toFixed(1)} req/s, ratio fupin/PostGraphile ${(fupinRps / graphileRps).toFixed(2)}`,
    );
  } finally {
    for (const child of children) await stopChild(child);
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    if (stopEmbedded) await stopEmbedded();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  }
}

await main();
