import type { ClientBase } from "pg";
import { appendAuditEntries } from "../audit/audit-writer.js";
import type { SqlExecutor, SqlTransaction } from "../context.js";
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
  /** The request the run is audited under (a GraphQL request's id); default `sync-run-<id>`. */
  readonly requestId?: string;
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

/** The audit entity of a run's status changes. */
export const SYNC_RUN_ENTITY = "sync_run";

/** The request id a run's own work is audited and logged under. */
export function runRequestId(runId: string): string {
  return `sync-run-${runId}`;
}

/** What the audit log keeps of a run's state: status, attempts, submission and error (never a credential). */
function runImage(run: SyncRunView) {
  return { status: run.status, attempts: run.attempts, submissionId: run.submissionId, error: run.error };
}

/**
 * Appends a run's status change to the hash-chained audit log, inside the transaction that made it:
 * from `before` (null for a new run) to `after`, as whoever asked for the run.
 */
export async function auditRunChange(
  client: ClientBase,
  before: SyncRunView | null,
  after: SyncRunView,
  at: Date,
  by: RunChanger = {
    principalId: after.requestedBy,
    requestId: runRequestId(after.id),
  },
): Promise<void> {
  await appendAuditEntries(client, [
    {
      principalId: by.principalId,
      action: before ? "update" : "create",
      entityType: SYNC_RUN_ENTITY,
      entityId: after.id,
      countyCode: after.countyCode,
      before: before ? runImage(before) : null,
      after: before
        ? runImage(after)
        : { ...runImage(after), profile: after.profile, regionCode: after.regionCode, period: after.period },
      requestId: by.requestId,
      at,
    },
  ]);
}

/** Who a change of a run is audited as: by default whoever asked for the run, under `sync-run-<id>`. */
export interface RunChanger {
  readonly principalId: string;
  readonly requestId: string;
}

/**
 * Changes a run inside a transaction with its audit entry: locks the row, applies `set` (SQL with
 * $2… for `params`) unless the run is finished (when `unfinishedOnly`), and audits before and after.
 * Null when the run is missing or finished.
 */
export async function changeRunIn(
  tx: SqlTransaction,
  id: string,
  set: string,
  params: readonly unknown[],
  at: Date,
  by?: RunChanger,
  unfinishedOnly = true,
): Promise<SyncRunView | null> {
  const [before] = await tx.query<SyncRunView & Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS} FROM sync_run WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!before || (unfinishedOnly && FINISHED_STATUSES.includes(before.status))) return null;
  const [after] = await tx.query<SyncRunView & Record<string, unknown>>(
    `UPDATE sync_run SET ${set} WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
    [id, ...params],
  );
  await auditRunChange(tx.client, before, after!, at, by);
  return after!;
}

/** `changeRunIn` in a transaction of its own. */
export async function changeRun(
  sql: SqlExecutor,
  id: string,
  set: string,
  params: readonly unknown[],
  at: Date,
): Promise<SyncRunView | null> {
  return sql.transaction((tx) => changeRunIn(tx, id, set, params, at));
}

/** Starts an attempt of an unfinished run (status running, attempts + 1); null when it is finished. */
export async function startAttempt(sql: SqlExecutor, id: string, now: Date): Promise<SyncRunView | null> {
  return changeRun(
    sql,
    id,
    "status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, $2)",
    [now],
    now,
  );
}

/** Ends an attempt: the run's new status, its error (null to clear) and when it finished (null while it goes on). */
export async function endAttempt(
  sql: SqlExecutor,
  id: string,
  status: SyncRunStatus,
  error: string | null,
  finishedAt: Date | null,
  now: Date = finishedAt ?? new Date(),
): Promise<void> {
  await changeRun(sql, id, "status = $2, error = $3, finished_at = $4", [status, error, finishedAt], now);
}
