import type { SqlExecutor } from "../context.js";
import { SYNC_BOSS_SCHEMA, SYNC_DEAD_QUEUE, SYNC_RUN_QUEUE } from "./sync-boss.js";
import { leaseHeldSql } from "./sync-lease.js";
import { changeRunIn, RUN_COLUMNS, runRequestId, type SyncRunView } from "./sync-runs.js";
import { type SyncService, sendRunJob } from "./sync-service.js";

/** Advisory lock key of the sweep, so one worker at a time sweeps (ASCII "fpsweep!"). */
export const SYNC_SWEEP_LOCK_KEY = 7381974007165748513n;

/** Who the sweep's changes are audited as. */
export const SYNC_SWEEP_PRINCIPAL = "system:sync-sweep";

/**
 * Finds the runs whose job pg-boss no longer has and queues them again. pg-boss itself retries a job
 * whose worker died (the job expires, then retries or goes to the dead letter), but a run whose job is
 * gone — deleted or cancelled by hand, or lost with pg-boss's schema (rebuilt on an upgrade, left out
 * of a restore) — would wait for ever: unfinished (queued, running, retrying) with no job created,
 * retrying or active on the run queue or the dead-letter queue, and no live worker holding its lease
 * (see `withRunLease`: a worker past its job's expiry still works it). Each such run goes back to queued
 * (audited) with a new job, in one transaction; one sweeper at a time (advisory lock); rows another
 * transaction holds are left to the next sweep. Returns the ids queued again.
 */
export async function sweepLostRuns(sql: SqlExecutor, service: SyncService, now: Date): Promise<string[]> {
  return sql.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [
      SYNC_SWEEP_LOCK_KEY.toString(),
    ]);
    if (!lock?.ok) return [];
    const lost = await tx.query<SyncRunView & Record<string, unknown>>(
      `SELECT ${RUN_COLUMNS} FROM sync_run r
        WHERE status IN ('queued', 'running', 'retrying')
          AND NOT EXISTS (
            SELECT 1 FROM ${SYNC_BOSS_SCHEMA}.job j
             WHERE j.name IN ($1, $2) AND j.state < 'completed' AND j.data->>'runId' = r.id::text)
          AND NOT ${leaseHeldSql("r.id")}
        ORDER BY id FOR UPDATE SKIP LOCKED`,
      [SYNC_RUN_QUEUE, SYNC_DEAD_QUEUE],
    );
    const queued: string[] = [];
    for (const run of lost) {
      const again = await changeRunIn(tx, run.id, "status = 'queued'", [], now, {
        principalId: SYNC_SWEEP_PRINCIPAL,
        requestId: runRequestId(run.id),
      });
      if (!again) continue;
      await sendRunJob(service, tx, again);
      queued.push(again.id);
    }
    return queued;
  });
}
