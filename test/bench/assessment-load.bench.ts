// An ordinary query's latency while heavy assessments run: `households(first: 20)` alone, then the
// same query while ten clients each keep one findings or metrics request in flight (regions and years
// cycled so the cache misses), against one gateway process started as `fupin start` (node --import
// tsx). Prints p50/p99 of both phases in the same run, and from /metrics how many assessments were
// computed and how many snapshots the workers read meanwhile. Asserts nothing.
//
// BENCH_HOUSEHOLDS (default 4000), BENCH_SECONDS per phase (default 10), BENCH_GATEWAY_NODE_ARGS: extra
// node flags of the gateway process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its thread
// spends its time).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { createApiKey, migrate, openDatabase, seedSyntheticCounty } from "@fupin/gateway";
import autocannon from "autocannon";
import pg from "pg";

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 4000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const repoRoot = join(import.meta.dirname, "..", "..");

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

async function startGateway(env: Record<string, string>): Promise<ChildProcess> {
  const nodeArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const args = [...nodeArgs, "--import", "tsx", "packages/gateway/src/cli/main.ts", "start"];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  child.removeAllListeners("exit");
  return child;
}

function ordinary(url: string, key: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: '{ households(regionCode: "360723", first: 20) { nodes { id householdNumber } } }',
    }),
    connections: 2,
    duration: seconds,
  });
}

/** Ten clients, each with one assessment request in flight until `stop`; returns requests done and their mean ms. */
async function heavyLoad(url: string, key: string, regions: readonly string[], stop: () => boolean) {
  let done = 0;
  let ms = 0;
  let n = 0;
  const client = async (c: number) => {
    while (!stop()) {
      const i = n++;
      const kind = (i + c) % 2 === 0 ? "findings" : "metrics";
      const region = regions[i % regions.length]!;
      const year = 2020 + (Math.floor(i / regions.length) % 6);
      const started = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: `{ ${kind}(regionCode: "${region}", year: ${year}) { code } }` }),
      });
      await res.text();
      ms += performance.now() - started;
      done++;
    }
  };
  await Promise.all(Array.from({ length: 10 }, (_, c) => client(c)));
  return { done, meanMs: done ? ms / done : 0 };
}

/** The gateway's assessment counters from /metrics: computed (cache misses) and snapshots read. */
async function assessmentCounts(url: string): Promise<{ computed: number; read: number }> {
  const text = await (await fetch(new URL("/metrics", url))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    computed: value("fupin_assessments_computed_total"),
    read: value("fupin_assessment_snapshots_read_total"),
  };
}

function line(name: string, r: autocannon.Result): string {
  const errors = r.errors + r.non2xx + r.timeouts;
  return `${name.padEnd(44)} p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   ${r.requests.average.toFixed(1)} req/s   errors ${errors}`;
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = `fupin_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`create database ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const databaseUrl = u.toString();
  let child: ChildProcess | null = null;
  try {
    const db = await openDatabase({ url: databaseUrl });
    await migrate(db.orm);
    await seedSyntheticCounty(db.pool, db.orm, {
      households,
      referenceYear: 2025,
      now: () => new Date("2025-11-30T04:00:00Z"),
    });
    const regions = (
      await db.pool.query<{ code: string }>("select code from region where level in ('county','township')")
    ).rows.map((r) => r.code);
    const key = await createApiKey(db.pool, {
      regionCode: "360723",
      permissions: ["ledger:read"],
      label: "bench",
    });
    await db.close();
    const port = await freePort();
    child = await startGateway({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "100000000",
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    console.log(
      `${households} households; ${regions.length} regions × 6 years × findings/metrics cycled (the cache holds 64)`,
    );
    await ordinary(url, key.key);
    const alone = await ordinary(url, key.key);
    const counted = await assessmentCounts(url);
    let stopping = false;
    const heavy = heavyLoad(url, key.key, regions, () => stopping);
    const loaded = await ordinary(url, key.key);
    stopping = true;
    const h = await heavy;
    console.log(line("households(first:20) alone", alone));
    console.log(line("households(first:20) with 10 heavy in flight", loaded));
    const counts = await assessmentCounts(url);
    console.log(`assessments during the loaded phase: ${h.done}, mean ${h.meanMs.toFixed(0)} ms each`);
    console.log(
      `computed (not from the cache): ${counts.computed - counted.computed}; snapshots read: ${counts.read - counted.read}`,
    );
  } finally {
    if (child && child.exitCode === null) {
      const c = child;
      await new Promise<void>((resolve) => {
        c.once("exit", () => resolve());
        c.kill("SIGTERM");
        setTimeout(() => c.kill("SIGKILL"), 10_000).unref();
      });
    }
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

await main();
