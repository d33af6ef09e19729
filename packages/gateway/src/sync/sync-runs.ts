import type { SqlExecutor } from "../context.js";
import type { SyncRunStatus } from "./sync-run.table.js";

/** A run as the pipeline and the API read it (camelCase, dates as Date, the due date as an ISO date). */
export interface SyncRunView {
  readonly id: string;
  readonly countyCode: string;
  readonly regionCode: string;
  readonly profile: string;
  readonly period: string;
  readonly trigger: string;
  readonly status: SyncRunStatus;
  readonly attempts: number;
  readonly requestedBy: string;
  readonly preparer: string;
  readonly reviewer: string;
  readonly dueDate: string;
  readonly late: boolean;
  readonly submissionId: string | null;
  readonly violations: unknown;
  readonly rectificationIds: readonly string[] | null;
  readonly error: string | null;
  readonly queuedAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly deliveredAt: Date | null;
}

/** The select list of a run view. */
export const RUN_COLUMNS = `id::text AS id, county_code AS "countyCode", region_code AS "regionCode", profile, period,
  trigger, status, attempts, requested_by AS "requestedBy", preparer, reviewer, due_date AS "dueDate", late,
  submission_id::text AS "submissionId", violations, rectification_ids AS "rectificationIds", error,
  queued_at AS "queuedAt", started_at AS "startedAt", finished_at AS "finishedAt", delivered_at AS "deliveredAt"`;

/** What a run is asked for with. */
export interface RunRequest {
  readonly profile: string;
  readonly regionCode: string;
  readonly period: string;
  readonly trigger: "schedule" | "manual";
  readonly requestedBy: string;
  readonly preparer: string;
  readonly reviewer: string;
}

/** What a new run is: its request (report, who asked, who prepared and reviewed it) and when it is due. */
export interface NewRun extends RunRequest {
  readonly dueDate: string;
}

/** Inserts a run unless its (profile, region, period) has one; returns the run and whether it is new. */
export async function insertRun(
  sql: SqlExecutor,
  run: NewRun,
  now: Date,
): Promise<{ run: SyncRunView; created: boolean }> {
  const [created] = await sql.query<SyncRunView & Record<string, unknown>>(
    `INSERT INTO sync_run (county_code, region_code, profile, period, trigger, status, requested_by, preparer,
       reviewer, due_date, queued_at)
     VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $9, $10)
     ON CONFLICT (profile, region_code, period) DO NOTHING RETURNING ${RUN_COLUMNS}`,
    [
      run.regionCode.slice(0, 6),
      run.regionCode,
      run.profile,
      run.period,
      run.trigger,
      run.requestedBy,
      run.preparer,
      run.reviewer,
      run.dueDate,
      now,
    ],
  );
  if (created) return { run: created, created: true };
  const [existing] = await sql.query<SyncRunView & Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS} FROM sync_run WHERE profile = $1 AND region_code = $2 AND period = $3`,
    [run.profile, run.regionCode, run.period],
  );
  return { run: existing!, created: false };
}

/** A run by id (no scope check: the worker's read). */
export async function loadRun(sql: SqlExecutor, id: string): Promise<SyncRunView | null> {
  const [row] = await sql.query<SyncRunView & Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS} FROM sync_run WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** The statuses a run is finished in: no job works on it again unless it is rerun. */
export const FINISHED_STATUSES: readonly SyncRunStatus[] = ["delivered", "blocked", "failed", "dead"];

/** Starts an attempt of an unfinished run (status running, attempts + 1); null when it is finished. */
export async function startAttempt(sql: SqlExecutor, id: string, now: Date): Promise<SyncRunView | null> {
  const [row] = await sql.query<SyncRunView & Record<string, unknown>>(
    `UPDATE sync_run SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, $2)
      WHERE id = $1 AND status NOT IN ('delivered', 'blocked', 'failed', 'dead') RETURNING ${RUN_COLUMNS}`,
    [id, now],
  );
  return row ?? null;
}

/** Ends an attempt: the run's new status, its error (null to clear) and when it finished (null while it goes on). */
export async function endAttempt(
  sql: SqlExecutor,
  id: string,
  status: SyncRunStatus,
  error: string | null,
  finishedAt: Date | null,
): Promise<void> {
  await sql.query(
    `UPDATE sync_run SET status = $2, error = $3, finished_at = $4
      WHERE id = $1 AND status NOT IN ('delivered', 'blocked', 'failed', 'dead')`,
    [id, status, error, finishedAt],
  );
}
