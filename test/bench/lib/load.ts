// One measured round: autocannon against one server while its CPU time, PostgreSQL's CPU time and
// PostgreSQL's statement count are read before and after, so that every figure is per request.
import autocannon from "autocannon";
import type { BenchPostgres } from "./postgres.js";
import { cpuSeconds } from "./processes.js";

/** Pause after a round before its counters are read. */
const SETTLE_MS = 500;

/** A server under test, as a load target. */
export interface LoadTarget {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Its database (statements are counted per database). */
  readonly database: string;
  /** Its Prometheus metrics (fupin's /metrics), for the time its main thread spent in garbage collection. */
  readonly metricsUrl?: string;
}

/** What to send: body, headers and how to tell a good answer. */
export interface LoadRequest {
  readonly body: string;
  /** Bodies sent in turn instead of `body` alone (a shape with variants). */
  readonly bodies?: readonly string[];
  readonly headers: Record<string, string>;
  /** True for an answer that is right (reads: the same bytes as the checked sample). */
  readonly verify: (body: string) => boolean;
}

/** Figures of one round. */
export interface Round {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Transport errors, non-2xx, timeouts and wrong answers. */
  readonly errors: number;
  /** Server process CPU per request, ms. */
  readonly cpuMs: number;
  /** PostgreSQL CPU per request (server and backends), ms. */
  readonly pgCpuMs: number;
  /** Statements PostgreSQL ran per request. */
  readonly statements: number;
  /** Garbage-collection pauses of the server's main thread per request, ms (NaN without metrics). */
  readonly gcMs: number;
}

/** Seconds the server's main thread has spent in garbage collection (prom-client's GC histogram), or NaN. */
async function gcSeconds(metricsUrl: string | undefined): Promise<number> {
  if (!metricsUrl) return Number.NaN;
  const text = await (await fetch(metricsUrl)).text();
  let sum = 0;
  for (const m of text.matchAll(/^\w*nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)$/gm)) sum += Number(m[1]);
  return sum;
}

/** An autocannon request that sends `bodies` in turn across every connection. */
function turnTaking(bodies: readonly string[]) {
  let next = 0;
  return {
    setupRequest: (req: autocannon.Request) => {
      const body = bodies[next]!;
      next = (next + 1) % bodies.length;
      return { ...req, body };
    },
  };
}

/** Runs one round of `seconds` at `connections` and returns its figures. */
export async function runRound(
  pg: BenchPostgres,
  target: LoadTarget,
  request: LoadRequest,
  options: { seconds: number; connections: number; overallRate?: number },
): Promise<Round> {
  // Read before the server's CPU is: the scrape of /metrics is not the round's work.
  const gc0 = await gcSeconds(target.metricsUrl);
  const cpu0 = cpuSeconds(target.pid);
  const pgCpu0 = pg.cpuSeconds();
  const st0 = await pg.statements(target.database);
  const r = await autocannon({
    url: target.url,
    method: "POST",
    headers: request.headers,
    body: request.body,
    ...(request.bodies && request.bodies.length > 1 ? { requests: [turnTaking(request.bodies)] } : {}),
    connections: options.connections,
    duration: options.seconds,
    verifyBody: (b) => request.verify(String(b)),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  });
  // Requests still in flight when the load stops finish on the server now: let them, so that they are
  // counted in this round and not in the next server's.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const cpu1 = cpuSeconds(target.pid);
  const pgCpu1 = pg.cpuSeconds();
  const st1 = await pg.statements(target.database);
  const gc1 = await gcSeconds(target.metricsUrl);
  const n = Math.max(1, r.requests.total);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.non2xx + r.timeouts + r.mismatches,
    cpuMs: ((cpu1 - cpu0) * 1000) / n,
    pgCpuMs: ((pgCpu1 - pgCpu0) * 1000) / n,
    statements: (st1 - st0) / n,
    gcMs: ((gc1 - gc0) * 1000) / n,
  };
}

/** Sends one request and returns the status and body text. */
export async function postOnce(url: string, request: Omit<LoadRequest, "verify">) {
  const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  return { status: response.status, text: await response.text() };
}

/** The median of numbers (NaN for none). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
