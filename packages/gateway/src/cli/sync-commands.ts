import type { GatewayConfig } from "../config.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { createSqlExecutor } from "../db/pool.js";
import { createLogger } from "../ops/logger.js";
import { allSchedules, nextTick } from "../sync/schedules.js";
import { FINISHED_STATUSES, loadRun, type SyncRunView } from "../sync/sync-runs.js";
import { requestSyncRun } from "../sync/sync-service.js";
import { loadSyncSettings } from "../sync/sync-settings.js";
import { startSyncWorker } from "../sync/sync-worker.js";
import type { CommandInput } from "./commands.js";
import { UsageError } from "./usage.js";

async function openMigrated(config: GatewayConfig): Promise<Database> {
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
  });
  try {
    await migrate(db.orm);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The lines `pnpm fupin sync` prints about a run. */
export function describeRun(run: SyncRunView): string[] {
  const lines = [
    `sync run ${run.id}: ${run.profile} ${run.regionCode} ${run.period} ${run.status} after ${run.attempts} attempt(s)`,
    `  due ${run.dueDate}${run.late ? " (delivered late: SYNC.LATE)" : ""}`,
  ];
  if (run.submissionId) lines.push(`  submission ${run.submissionId}`);
  if (run.deliveredAt) lines.push(`  delivered at ${run.deliveredAt.toISOString()}`);
  if (run.error) lines.push(`  error: ${run.error}`);
  if (run.rectificationIds?.length) lines.push(`  rectifications opened: ${run.rectificationIds.join(", ")}`);
  return lines;
}

/** `pnpm fupin sync --profile <p> --region <r> --period <p>`: runs a delivery now (a worker of its own) and prints how it ended. */
export async function syncNow({ config, values, out, env }: CommandInput): Promise<number> {
  for (const name of ["profile", "region", "period", "preparer", "reviewer"] as const)
    if (!values[name])
      throw new UsageError(
        `sync needs --${name}, e.g. pnpm fupin sync --profile city-projects --region 360723 --period 2025-03 --preparer 张三 --reviewer 李四`,
      );
  const db = await openMigrated(config);
  const worker = await startSyncWorker({
    url: db.url,
    pool: db.pool,
    orm: db.orm,
    settings: loadSyncSettings(env),
    logger: createLogger(config.logLevel === "info" ? "warn" : config.logLevel),
  });
  try {
    const sql = createSqlExecutor(db.pool);
    const request = {
      profile: values.profile!,
      regionCode: values.region!,
      period: values.period!,
      trigger: "manual" as const,
      requestedBy: `cli:${process.env.USER ?? "unknown"}`,
      preparer: values.preparer!,
      reviewer: values.reviewer!,
    };
    const { run, created } = await requestSyncRun(sql, worker, request, new Date());
    if (!created)
      out.log(`a run of ${run.profile} ${run.regionCode} ${run.period} exists (run ${run.id}): showing it`);
    let current: SyncRunView = run;
    while (!FINISHED_STATUSES.includes(current.status) && created) {
      await new Promise((r) => setTimeout(r, 250));
      current = (await loadRun(sql, run.id)) ?? current;
    }
    for (const line of describeRun(current)) out.log(line);
    return current.status === "delivered" ? 0 : 1;
  } finally {
    await worker.stop();
    await db.close();
  }
}

/** `pnpm fupin schedules`: every schedule, when it fires next and its people. */
export async function schedules({ config, out }: CommandInput): Promise<number> {
  const db = await openMigrated(config);
  try {
    const rows = await allSchedules(createSqlExecutor(db.pool));
    if (rows.length === 0) out.log("no sync schedules");
    for (const s of rows) {
      const next = s.enabled ? `next ${nextTick(s.cron, new Date()).toISOString()}` : "disabled";
      out.log(
        `${s.profile} ${s.regionCode} "${s.cron}" ${s.timezone} ${next} preparer ${s.preparer} reviewer ${s.reviewer}`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}

/** `pnpm fupin worker`: works sync runs and schedule ticks until SIGTERM or SIGINT. */
export async function worker({ config, out, env }: CommandInput): Promise<number> {
  const db = await openMigrated(config);
  const logger = createLogger(config.logLevel);
  const w = await startSyncWorker({
    url: db.url,
    pool: db.pool,
    orm: db.orm,
    settings: loadSyncSettings(env),
    logger,
  });
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void w
        .stop()
        .then(() => db.close())
        .then(() => {
          out.log("fupin sync worker stopped");
          resolve(0);
        });
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
  // Printed once the handlers are on: a signal sent on reading it must reach the shutdown.
  out.log("fupin sync worker running");
  return stopped;
}
