import type { Profile } from "@fupin/adapters";
import { chinaDateOf, formatReportPeriod, previousPeriod, type ReportPeriod } from "@fupin/domain";
import cronParser from "cron-parser";
import type { SqlExecutor, SqlTransaction } from "../context.js";
import { ensureQueue, tickQueueName } from "./sync-boss.js";
import { runProfile } from "./sync-pipeline.js";
import type { SyncRunView } from "./sync-runs.js";
import { requestSyncRun, type SyncService } from "./sync-service.js";

/** Schedules run in China time. */
export const SYNC_TIMEZONE = "Asia/Shanghai";

/** A schedule as the API shows it. */
export interface SyncScheduleView {
  readonly id: string;
  readonly countyCode: string;
  readonly regionCode: string;
  readonly profile: string;
  readonly cron: string;
  readonly timezone: string;
  readonly enabled: boolean;
  readonly preparer: string;
  readonly reviewer: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** The select list of a schedule view. */
export const SCHEDULE_COLUMNS = `id::text AS id, county_code AS "countyCode", region_code AS "regionCode", profile, cron,
  timezone, enabled, preparer, reviewer, updated_by AS "updatedBy", updated_at AS "updatedAt"`;

/** The problem with a cron expression (five fields, minute first), or null when it parses. */
export function cronProblem(cron: string): string | null {
  if (cron.trim().split(/\s+/).length !== 5)
    return "must have five fields: minute hour day-of-month month day-of-week";
  try {
    cronParser.parseExpression(cron, { tz: SYNC_TIMEZONE });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : "is not a cron expression";
  }
}

/** The next time a cron fires after `now`, in China time. */
export function nextTick(cron: string, now: Date): Date {
  return cronParser.parseExpression(cron, { tz: SYNC_TIMEZONE, currentDate: now }).next().toDate();
}

/** The period a tick on `now` reports: the month (or year, for a yearly deadline) that ended last, in China time. */
export function periodDueAt(profile: Profile, now: Date): ReportPeriod {
  const today = chinaDateOf(now);
  const year = Number(today.slice(0, 4));
  if (profile.deadline.frequency === "yearly") return { kind: "year", year: year - 1 };
  return previousPeriod({ kind: "month", year, month: Number(today.slice(5, 7)) });
}

/** What `saveSchedule` writes. */
export interface ScheduleInput {
  readonly profile: string;
  readonly regionCode: string;
  readonly cron: string;
  readonly enabled: boolean;
  readonly preparer: string;
  readonly reviewer: string;
  readonly updatedBy: string;
}

/** Creates or replaces the schedule of (profile, region), then puts it in force in pg-boss; `audit` runs in the write's transaction. */
export async function saveSchedule(
  sql: SqlExecutor,
  service: SyncService,
  input: ScheduleInput,
  now: Date,
  audit?: (tx: SqlTransaction, before: SyncScheduleView | null, after: SyncScheduleView) => Promise<void>,
): Promise<SyncScheduleView> {
  const row = await sql.transaction(async (tx) => {
    const [before] = await tx.query<SyncScheduleView & Record<string, unknown>>(
      `SELECT ${SCHEDULE_COLUMNS} FROM sync_schedule WHERE profile = $1 AND region_code = $2 FOR UPDATE`,
      [input.profile, input.regionCode],
    );
    const [after] = await tx.query<SyncScheduleView & Record<string, unknown>>(
      `INSERT INTO sync_schedule (county_code, region_code, profile, cron, timezone, enabled, preparer, reviewer,
         updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (profile, region_code) DO UPDATE SET cron = EXCLUDED.cron, enabled = EXCLUDED.enabled,
         preparer = EXCLUDED.preparer, reviewer = EXCLUDED.reviewer, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at
       RETURNING ${SCHEDULE_COLUMNS}`,
      [
        input.regionCode.slice(0, 6),
        input.regionCode,
        input.profile,
        input.cron.trim(),
        SYNC_TIMEZONE,
        input.enabled,
        input.preparer,
        input.reviewer,
        input.updatedBy,
        now,
      ],
    );
    if (audit) await audit(tx, before ?? null, after!);
    return after!;
  });
  await applySchedule(service, row);
  return row;
}

/** Puts a schedule in force in pg-boss (a cron on its tick queue, in China time), or removes it when disabled. */
export async function applySchedule(service: SyncService, schedule: SyncScheduleView): Promise<void> {
  const queue = tickQueueName(schedule.profile, schedule.regionCode);
  await ensureQueue(service.boss, queue, {});
  if (!schedule.enabled) return service.boss.unschedule(queue);
  await service.boss.schedule(
    queue,
    schedule.cron,
    { profile: schedule.profile, regionCode: schedule.regionCode },
    { tz: schedule.timezone, retryLimit: 3, retryDelay: 30, retryBackoff: true },
  );
}

/** Every schedule (the worker's read: no scope). */
export async function allSchedules(sql: SqlExecutor): Promise<SyncScheduleView[]> {
  return sql.query<SyncScheduleView & Record<string, unknown>>(
    `SELECT ${SCHEDULE_COLUMNS} FROM sync_schedule ORDER BY id`,
  );
}

/** A tick of a schedule: asks for the run of the period that is due (nothing when the schedule is gone or disabled). */
export async function onScheduleTick(
  sql: SqlExecutor,
  service: SyncService,
  tick: { profile: string; regionCode: string },
  now: Date,
): Promise<SyncRunView | null> {
  const [schedule] = await sql.query<SyncScheduleView & Record<string, unknown>>(
    `SELECT ${SCHEDULE_COLUMNS} FROM sync_schedule WHERE profile = $1 AND region_code = $2 AND enabled`,
    [tick.profile, tick.regionCode],
  );
  if (!schedule) return null;
  const profile = runProfile(schedule.profile);
  const { run } = await requestSyncRun(
    sql,
    service,
    {
      profile: schedule.profile,
      regionCode: schedule.regionCode,
      period: formatReportPeriod(periodDueAt(profile, now)),
      trigger: "schedule",
      requestedBy: `schedule:${schedule.id}`,
      preparer: schedule.preparer,
      reviewer: schedule.reviewer,
    },
    now,
  );
  return run;
}
