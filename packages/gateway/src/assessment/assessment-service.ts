import { chinaDateOf, type Finding, type Metric } from "@fupin/domain";
import type { GatewayContext } from "../context.js";
import { readSnapshotText } from "../graphql/read/snapshot.js";
import type { AssessmentJob, AssessmentResult } from "./assessment-job.js";
import { type AssessmentPool, createAssessmentPool } from "./assessment-pool.js";
import { readLedgerVersion } from "./ledger-version.js";

/** Findings and metrics of a region, computed once per (region, year, date, ledger version) in a worker thread. */
export interface AssessmentService {
  findings(ctx: GatewayContext, regionCode: string, year: number): Promise<readonly Finding[]>;
  metrics(ctx: GatewayContext, regionCode: string, year: number): Promise<readonly Metric[]>;
  /** How many assessments were computed (not served from the cache); tests read it. */
  readonly computed: number;
  close(): Promise<void>;
}

/** Options of `createAssessmentService`. */
export interface AssessmentServiceOptions {
  readonly pool?: AssessmentPool;
  /** Assessments kept in memory (least recently used dropped first). Default 64. */
  readonly cacheEntries?: number;
}

/** Creates the assessment service: a version-keyed cache in front of a worker pool. */
export function createAssessmentService(options: AssessmentServiceOptions = {}): AssessmentService {
  const pool = options.pool ?? createAssessmentPool();
  const capacity = options.cacheEntries ?? 64;
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  const cache = new Map<string, Promise<AssessmentResult>>();
  let computed = 0;

  async function assess(
    kind: AssessmentJob["kind"],
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
      // The snapshot is read after the version: at worst newer than its key, and then recomputed.
      result = readSnapshotText(ctx.services.sql, regionCode).then((snapshot) =>
        pool.run({ kind, regionCode, year, now: now.toISOString(), snapshot }),
      );
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
    close: () => pool.close(),
  };
}
