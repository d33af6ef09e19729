import { DEFAULT_ID_NUMBER_MASK } from "@fupin/domain";
import type { MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { createAssessmentService } from "../assessment/assessment-service.js";
import { createAuditWriter } from "../audit/audit-writer.js";
import type { GatewayServices } from "../context.js";
import { createSqlExecutor } from "../db/pool.js";
import { createFailedWriteLimit } from "../graphql/write/failed-writes.js";
import { allSchedules, applySchedule, onScheduleTick } from "./schedules.js";
import { SYNC_DEAD_QUEUE, SYNC_RUN_QUEUE, startSyncBoss, tickQueueName } from "./sync-boss.js";
import type { SyncDeps } from "./sync-context.js";
import { runSyncJob } from "./sync-pipeline.js";
import { changeRun } from "./sync-runs.js";
import type { SyncService } from "./sync-service.js";
import type { SyncSettings } from "./sync-settings.js";

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

/** Works the tick queue of every schedule not yet worked here, putting each schedule in force. */
async function workSchedules(deps: SyncDeps, service: SyncService, worked: Set<string>): Promise<void> {
  for (const schedule of await allSchedules(deps.sql)) {
    const queue = tickQueueName(schedule.profile, schedule.regionCode);
    if (worked.has(queue)) continue;
    await applySchedule(service, schedule);
    worked.add(queue);
    await service.boss.work<{ profile: string; regionCode: string }>(
      queue,
      { pollingIntervalSeconds: deps.settings.pollingIntervalSeconds },
      async ([job]) => {
        const run = await onScheduleTick(deps.sql, service, job!.data, deps.now());
        if (run)
          deps.logger.info({ runId: run.id, profile: run.profile, period: run.period }, "sync run scheduled");
      },
    );
  }
}

/**
 * Starts a sync worker on the gateway's database: pg-boss (supervising, so the jobs of killed workers
 * expire and retry), the run queue (one job at a time), the dead-letter queue and the schedules' tick queues.
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
    services,
    settings,
    logger,
    now: options.now ?? (() => new Date()),
  };
  const service: SyncService = { boss, settings };
  const polling = { pollingIntervalSeconds: settings.pollingIntervalSeconds, batchSize: 1 };
  await boss.work<{ runId: string }>(SYNC_RUN_QUEUE, { ...polling, includeMetadata: true }, async ([job]) => {
    const outcome = await runSyncJob(deps, job!.data.runId, job!);
    logger.info({ runId: job!.data.runId, outcome }, "sync run attempt");
  });
  await boss.work<{ runId: string }>(SYNC_DEAD_QUEUE, polling, async ([job]) =>
    markDead(deps, job!.data.runId),
  );
  const worked = new Set<string>();
  const refresh = () =>
    workSchedules(deps, service, worked).catch((e: unknown) =>
      logger.warn({ err: e instanceof Error ? e.message : String(e) }, "sync schedules not refreshed"),
    );
  await refresh();
  const timer = setInterval(refresh, settings.scheduleRefreshSeconds * 1000);
  timer.unref();
  let stopped = false;
  return {
    boss,
    settings,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await services.assessment.close();
    },
  };
}
