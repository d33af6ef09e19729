import { PROFILE_NAMES, type Profile } from "@fupin/adapters";
import { formatReportPeriod, reportDueDate } from "@fupin/domain";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { SqlExecutor, SqlTransaction } from "../context.js";
import { parseReportRequest } from "../reports/report-data.js";
import { SYNC_DEAD_QUEUE, SYNC_RUN_QUEUE } from "./sync-boss.js";
import { runProfile } from "./sync-pipeline.js";
import {
  auditRunChange,
  insertRun,
  RUN_COLUMNS,
  type RunRequest,
  runRequestId,
  type SyncRunView,
} from "./sync-runs.js";
import type { SyncSettings } from "./sync-settings.js";

export type { RunRequest } from "./sync-runs.js";

/** The sync pipeline as the gateway and the CLI use it: pg-boss (to queue runs and keep schedules) and the settings. */
export interface SyncService {
  readonly boss: PgBoss;
  readonly settings: SyncSettings;
}

/** The job options of a run: singleton per (profile, region, period); the profile's retries with exponential backoff and jitter; dead letter. */
export function runJobOptions(
  run: SyncRunView,
  profile: Profile,
  settings: SyncSettings,
): PgBoss.SendOptions {
  return {
    singletonKey: `${run.profile}:${run.regionCode}:${run.period}`,
    retryLimit: settings.retryLimit ?? profile.transport.retryLimit,
    retryDelay: settings.retryDelaySeconds ?? profile.transport.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
    deadLetter: SYNC_DEAD_QUEUE,
  };
}

/** pg-boss's executor inside our transaction: the job is queued if and only if the run row commits. */
function inTransaction(client: pg.ClientBase): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** Queues a run's job inside a transaction. */
export async function sendRunJob(service: SyncService, tx: SqlTransaction, run: SyncRunView): Promise<void> {
  const options = runJobOptions(run, runProfile(run.profile), service.settings);
  await service.boss.send(SYNC_RUN_QUEUE, { runId: run.id }, { ...options, db: inTransaction(tx.client) });
}

/**
 * Asks for a run of (profile, region, period): inserts it, audits it (as whoever asked) and queues its
 * job in one transaction. A second request of the same report returns the existing run (created:
 * false) and queues nothing.
 */
export async function requestSyncRun(
  sql: SqlExecutor,
  service: SyncService,
  request: RunRequest,
  now: Date,
): Promise<{ run: SyncRunView; created: boolean }> {
  const parsed = parseReportRequest(request.profile, request.period);
  const profile = runProfile(request.profile);
  const period = formatReportPeriod(parsed.period);
  const dueDate = reportDueDate(profile.deadline, parsed.period);
  return sql.transaction(async (tx) => {
    const txSql = { ...sql, query: tx.query, transaction: sql.transaction };
    const { requestId, ...fields } = request;
    const result = await insertRun(txSql, { ...fields, period, dueDate }, now);
    if (!result.created) return result;
    await auditRunChange(tx.client, null, result.run, now, {
      principalId: request.requestedBy,
      requestId: requestId ?? runRequestId(result.run.id),
    });
    await sendRunJob(service, tx, result.run);
    return result;
  });
}

/** The statuses a run can be rerun from. */
export const RERUNNABLE_STATUSES = ["failed", "dead", "blocked"] as const;

/** Queues a failed, dead-lettered or blocked run again (same row, same idempotency keys); null when it is in no such state. */
export async function rerunSyncRun(
  sql: SqlExecutor,
  service: SyncService,
  id: string,
  audit?: (tx: SqlTransaction) => Promise<void>,
): Promise<SyncRunView | null> {
  return sql.transaction(async (tx) => {
    const [run] = await tx.query<SyncRunView & Record<string, unknown>>(
      `UPDATE sync_run SET status = 'queued', error = NULL, finished_at = NULL
        WHERE id = $1 AND status = ANY($2) RETURNING ${RUN_COLUMNS}`,
      [id, [...RERUNNABLE_STATUSES]],
    );
    if (!run) return null;
    await sendRunJob(service, tx, run);
    if (audit) await audit(tx);
    return run;
  });
}

/** Whether a text names a profile the pipeline can deliver. */
export function isSyncProfile(name: string): boolean {
  return name !== "ledger" && (PROFILE_NAMES as readonly string[]).includes(name);
}
