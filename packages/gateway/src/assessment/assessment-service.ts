import { chinaDateOf, type Finding, type Metric } from "@fupin/domain";
import type { GatewayContext } from "../context.js";
import { readSnapshotText } from "../graphql/read/snapshot.js";
import type { AssessmentJob, AssessmentQuestion, AssessmentResult } from "./assessment-job.js";
import { type AssessmentOutcome, type AssessmentPool, createAssessmentPool } from "./assessment-pool.js";
import { readLedgerVersion } from "./ledger-version.js";

/** Findings and metrics of a region, computed once per (region, year, date, ledger version) in a worker thread. */
export interface AssessmentService {
  findings(ctx: GatewayContext, regionCode: string, year: number): Promise<readonly Finding[]>;
  metrics(ctx: GatewayContext, regionCode: string, year: number): Promise<readonly Metric[]>;
  /** How many assessments were computed (not served from the cache); tests read it. */
  readonly computed: number;
  /** How many region snapshots the workers read from the database; tests read it. */
  readonly snapshotsRead: number;
  close(): Promise<void>;
}

/** Options of `createAssessmentService`. */
export interface AssessmentServiceOptions {
  readonly pool?: AssessmentPool;
  /** Assessments kept in memory (least recently used dropped first). Default 64. */
  readonly cacheEntries?: number;
  /**
   * The gateway's database. Given, the worker reads a county's snapshot itself, once per ledger
   * version for every region under it, and the gateway's thread sends only the question and the
   * version; absent, the gateway's thread reads each region's snapshot and sends it.
   */
  readonly databaseUrl?: string;
}

/** Creates the assessment service: a version-keyed cache in front of a worker pool. */
export function createAssessmentService(options: AssessmentServiceOptions = {}): AssessmentService {
  const { databaseUrl } = options;
  const pool = options.pool ?? createAssessmentPool(databaseUrl ? { databaseUrl } : {});
  const capacity = options.cacheEntries ?? 64;
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  // It holds promises: concurrent requests of one key wait for the one computation.
  const cache = new Map<string, Promise<AssessmentResult>>();
  let computed = 0;
  let snapshotsRead = 0;

  async function job(
    ctx: GatewayContext,
    question: AssessmentQuestion,
    version: string,
  ): Promise<AssessmentJob> {
    if (databaseUrl) return { ...question, version };
    // The snapshot is read after the version: at worst newer than its key, and then recomputed.
    return { ...question, snapshot: await readSnapshotText(ctx.services.sql, question.regionCode) };
  }

  function count(outcome: AssessmentOutcome): AssessmentResult {
    if (outcome.snapshotRead) snapshotsRead++;
    return outcome.result;
  }

  async function assess(
    kind: AssessmentQuestion["kind"],
    ctx: GatewayContext,
    regionCode: string,
    year: number,
  ): Promise<AssessmentResult> {
    const now = ctx.now();
    const version = await readLedgerVersion(ctx.services.sql, regionCode);
    const key = [kind, regionCode, year, chinaDateOf(now), version].join("|");
    let result = cache.get(key);
    if (result) cache.delete(key);
    else {
      computed++;
      const question = { kind, regionCode, year, now: now.toISOString() };
      result = job(ctx, question, version)
        .then((j) => pool.run(j))
        .then(count);
      result.catch(() => cache.delete(key));
    }
    cache.set(key, result);
    while (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return result;
  }

  return {
    findings: (ctx, regionCode, year) =>
      assess("findings", ctx, regionCode, year) as Promise<readonly Finding[]>,
    metrics: (ctx, regionCode, year) =>
      assess("metrics", ctx, regionCode, year) as Promise<readonly Metric[]>,
    get computed() {
      return computed;
    },
    get snapshotsRead() {
      return snapshotsRead;
    },
    close: () => pool.close(),
  };
}
