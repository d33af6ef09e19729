// The servers the gateway benchmark compares, each in its own process over the same PostgreSQL:
// fupin (this checkout on Node 20 and on Node 22, and optionally an older checkout), PostGraphile
// 4.14.1 (Node 20) and PostGraphile 5 (Node 22).
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadTarget } from "./load.js";
import type { Node22 } from "./node22.js";
import type { Prepared } from "./prepare.js";
import { freePort, startChild } from "./processes.js";
import type { Dialect } from "./shapes.js";

/** A started server. */
export interface Server extends LoadTarget {
  readonly dialect: Dialect;
  readonly child: ChildProcess;
  readonly prepared: Prepared;
  readonly databaseUrl: string;
}

/** fupin's settings in every measured configuration: scope, masking, audit, rate limit and authentication on. */
function fupinEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    // High enough never to refuse the load, so that the limiter still counts every request.
    RATE_LIMIT_PER_MINUTE: "1000000000",
  };
}

/** `--cpu-prof` into BENCH_CPU_PROF_DIR when set: each server writes a profile when it stops. */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

const ownCheckout = resolve(fileURLToPath(import.meta.url), "..", "..", "..", "..");

/**
 * The Node flags of a checkout's `start` script (`node --flag … --import tsx …`), so that the bench runs
 * each checkout's gateway as production starts it; BENCH_GATEWAY_NODE_ARGS (space-separated) replaces
 * them for this checkout's own servers.
 */
function startFlags(checkout: string): string[] {
  const override = process.env.BENCH_GATEWAY_NODE_ARGS;
  if (resolve(checkout) === ownCheckout && override !== undefined) return override.split(" ").filter(Boolean);
  const pkg = JSON.parse(readFileSync(join(checkout, "package.json"), "utf8")) as {
    scripts?: { start?: string };
  };
  const words = (pkg.scripts?.start ?? "").split(/\s+/);
  const flags: string[] = [];
  for (const w of words.slice(words.indexOf("node") + 1)) {
    if (!w.startsWith("--") || w === "--import") break;
    flags.push(w);
  }
  return flags;
}

/** Starts a fupin gateway from a checkout with a Node binary. */
export async function startFupin(
  name: string,
  checkout: string,
  node: string,
  db: { url: string; name: string; prepared: Prepared },
): Promise<Server> {
  const port = await freePort();
  const child = await startChild({
    name,
    node,
    args: [
      ...profileArgs(),
      ...startFlags(checkout),
      "--import",
      "tsx",
      "packages/gateway/src/cli/main.ts",
      "start",
    ],
    cwd: checkout,
    env: fupinEnv(db.url, port),
    ready: /listening on/,
  });
  return {
    name,
    dialect: "fupin",
    url: `http://127.0.0.1:${port}/graphql`,
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
    pid: child.pid!,
    database: db.name,
    databaseUrl: db.url,
    child,
    prepared: db.prepared,
  };
}

/** Starts PostGraphile 4.14.1 on Node 20, or PostGraphile 5 on Node 22. */
export async function startPostgraphile(
  version: 4 | 5,
  repoRoot: string,
  node22: Node22,
  db: { url: string; name: string; prepared: Prepared },
): Promise<Server> {
  const port = await freePort();
  const name = version === 4 ? "PostGraphile 4.14.1" : "PostGraphile 5 (Node 22)";
  const child = await startChild({
    name,
    node: version === 4 ? process.execPath : node22.node,
    args: [
      ...profileArgs(),
      "--import",
      "tsx",
      join("test/bench/servers", `postgraphile${version === 4 ? "" : "5"}-server.ts`),
    ],
    cwd: repoRoot,
    env: { DATABASE_URL: db.url, PORT: String(port), BENCH_NODE22_DIR: node22.dir },
    ready: /ready /,
  });
  return {
    name,
    dialect: version === 4 ? "pg4" : "pg5",
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    database: db.name,
    databaseUrl: db.url,
    child,
    prepared: db.prepared,
  };
}

/** Migrates and seeds a database with a checkout's own code (lib/prepare.ts in a child process). */
export function prepareDatabase(
  repoRoot: string,
  checkout: string,
  url: string,
  households: number,
): Prepared {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "test/bench/lib/prepare.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BENCH_CHECKOUT: checkout,
      DATABASE_URL: url,
      BENCH_HOUSEHOLDS: String(households),
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split("\n").find((l) => l.startsWith("prepared "));
  if (r.status !== 0 || !line) {
    throw new Error(`preparing the database with ${checkout} failed:\n${r.stderr.slice(-4000)}`);
  }
  return JSON.parse(line.slice("prepared ".length)) as Prepared;
}

/** A short description of a checkout: its commit. */
export function describeCheckout(dir: string): string {
  const r = spawnSync("git", ["-C", dir, "log", "-1", "--format=%h %s"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : dir;
}
