import { DEFAULT_ID_NUMBER_MASK } from "@fupin/domain";
import type { MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { createAssessmentService } from "../assessment/assessment-service.js";
import { startAuditLinking } from "../audit/audit-linker.js";
import { createAuditWriter } from "../audit/audit-writer.js";
import type { GatewayServices } from "../context.js";
import { createSqlExecutor } from "../db/pool.js";
import { createFailedWriteLimit } from "../graphql/write/failed-writes.js";
import { allSchedules, applySchedule, onScheduleTick } from "./schedules.js";
import { SYNC_DEAD_QUEUE, SYNC_RUN_QUEUE, startSyncBoss, tickQueueName } from "./sync-boss.js";
import type { SyncDeps } from "./sync-context.js";
import { runSyncJob } from "./sync-pipeline.js";
import { pollQueue, type QueuePoller } from "./sync-poller.js";
import { changeRun } from "./sync-runs.js";
import type { SyncService } from "./sync-service.js";
import type { SyncSettings } from "./sync-settings.js";
import { sweepLostRuns } from "./sync-sweep.js";

/** Options of `startSyncWorker`. */
export interface SyncWorkerOptions {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly orm: MikroORM;
  readonly settings: SyncSettings;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** A running sync worker: works the run, dead-letter and schedule tick queues; `stop` lets the job in hand finish. */
export interface SyncWorker extends SyncService {
  stop(): Promise<void>;
}

async function markDead(deps: SyncDeps, runId: string): Promise<void> {
  const now = deps.now();
  await changeRun(
    deps.sql,
    runId,
    "status = 'dead', finished_at = $2, error = coalesce(error, 'retries exhausted')",
    [now],
    now,
  );
}

/** Logs an error of the worker's background work (a lost connection, say) as a warning; never a credential (messages only). */
function warnOn(deps: SyncDeps, what: string): (e: unknown) => void {
  return (e) => deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, what);
}

/** Works a queue of the worker, one job at a time, with `pollQueue`. */
function work<T extends object>(
  deps: SyncDeps,
  service: SyncService,
  queue: string,
  handle: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
): QueuePoller {
  const onError = warnOn(deps, `sync queue ${queue}: pg-boss unreachable`);
  return pollQueue<T>(service.boss, queue, deps.settings.pollingIntervalSeconds, handle, onError);
}

/** Works the tick queue of every schedule not yet worked here, putting each schedule in force. */
async function workSchedules(
  deps: SyncDeps,
  service: SyncService,
  worked: Map<string, QueuePoller>,
): Promise<void> {
  for (const schedule of await allSchedules(deps.sql)) {
    const queue = tickQueueName(schedule.profile, schedule.regionCode);
    if (worked.has(queue)) continue;
    await applySchedule(service, schedule);
    const poller = work<{ profile: string; regionCode: string }>(deps, service, queue, async (job) => {
      const run = await onScheduleTick(deps.sql, service, job.data, deps.now());
      if (run)
        deps.logger.info({ runId: run.id, profile: run.profile, period: run.period }, "sync run scheduled");
    });
    worked.set(queue, poller);
  }
}

/** Runs `work` every `seconds` without keeping the process alive. */
function every(seconds: number, work: () => Promise<unknown>): NodeJS.Timeout {
  const timer = setInterval(work, Math.max(0.2, seconds) * 1000);
  timer.unref();
  return timer;
}

/** One sweep for runs whose job is gone (logged when it queues any; a failed sweep waits for the next). */
async function sweep(deps: SyncDeps, service: SyncService): Promise<void> {
  try {
    const runIds = await sweepLostRuns(deps.sql, service, deps.now());
    if (runIds.length > 0) deps.logger.warn({ runIds }, "sync runs without a job queued again");
  } catch (e) {
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, "sync sweep failed");
  }
}

/**
 * Starts a sync worker on the gateway's database: pg-boss (supervising, so the jobs of killed workers
 * expire and retry), the run queue (one job at a time), the dead-letter queue and the schedules' tick queues,
 * and sweeps now and then for runs whose job is gone.
 */
export async function startSyncWorker(options: SyncWorkerOptions): Promise<SyncWorker> {
  const { settings, logger } = options;
  const boss = await startSyncBoss(options.url, settings, { supervise: true });
  const sql = createSqlExecutor(options.pool);
  const services: GatewayServices = {
    sql,
    orm: options.orm,
    audit: createAuditWriter(options.pool),
    assessment: createAssessmentService({ databaseUrl: options.url }),
    failedWrites: createFailedWriteLimit(options.pool, 60),
    idNumberMask: DEFAULT_ID_NUMBER_MASK,
  };
  const deps: SyncDeps = {
    sql,
    pool: options.pool,
    services,
    settings,
    logger,
    now: options.now ?? (() => new Date()),
  };
  const service: SyncService = { boss, settings };
  const stopLinking = startAuditLinking(options.pool, warnOn(deps, "audit entries not linked"));
  const pollers = [
    work<{ runId: string }>(deps, service, SYNC_RUN_QUEUE, async (job) => {
      const outcome = await runSyncJob(deps, job.data.runId, job);
      logger.info({ runId: job.data.runId, outcome }, "sync run attempt");
    }),
    work<{ runId: string }>(deps, service, SYNC_DEAD_QUEUE, (job) => markDead(deps, job.data.runId)),
  ];
  const worked = new Map<string, QueuePoller>();
  let stopped = false;
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = () => {
    if (!stopped)
      refreshing = workSchedules(deps, service, worked).catch(warnOn(deps, "sync schedules not refreshed"));
    return refreshing;
  };
  await refresh();
  const timers = [
    every(settings.scheduleRefreshSeconds, refresh),
    every(settings.sweepIntervalSeconds, () => sweep(deps, service)),
  ];
  return {
    boss,
    settings,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await refreshing;
      await Promise.all([...pollers, ...worked.values()].map((p) => p.stop()));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await stopLinking();
      await services.assessment.close();
    },
  };
}
