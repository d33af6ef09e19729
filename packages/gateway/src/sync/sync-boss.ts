import PgBoss from "pg-boss";
import type { SyncSettings } from "./sync-settings.js";

/** The queue of sync runs: a job per attempt series of one run, singleton per (profile, region, period). */
export const SYNC_RUN_QUEUE = "sync-run";
/** Where a run's job goes after its last retry. */
export const SYNC_DEAD_QUEUE = "sync-dead";
/** pg-boss's own schema in the gateway's database. */
export const SYNC_BOSS_SCHEMA = "pgboss";

/** The tick queue of a schedule (pg-boss keeps one cron per queue): `sync-tick-<profile>-<region>`. */
export function tickQueueName(profile: string, regionCode: string): string {
  return `sync-tick-${profile}-${regionCode}`;
}

/** Options of `startSyncBoss`. */
export interface SyncBossOptions {
  /** Supervise (expire lost jobs) and run the cron monitor: workers do, a process that only sends need not. */
  readonly supervise: boolean;
}

/** Starts pg-boss on the gateway's database (its own schema, migrated on start) and makes sure the sync queues exist. */
export async function startSyncBoss(
  url: string,
  settings: SyncSettings,
  options: SyncBossOptions,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SYNC_BOSS_SCHEMA,
    max: 4,
    supervise: options.supervise,
    schedule: options.supervise,
    maintenanceIntervalSeconds: Math.max(1, settings.maintenanceIntervalSeconds),
    cronMonitorIntervalSeconds: Math.min(45, Math.max(1, settings.cronMonitorIntervalSeconds)),
    cronWorkerIntervalSeconds: Math.min(45, Math.max(1, settings.pollingIntervalSeconds)),
    pollingIntervalSeconds: Math.max(0.5, settings.pollingIntervalSeconds),
  });
  // Lost connections (a restarting database) surface here; pg-boss retries by itself.
  boss.on("error", () => undefined);
  await boss.start();
  await ensureQueue(boss, SYNC_DEAD_QUEUE, {});
  await ensureQueue(boss, SYNC_RUN_QUEUE, { policy: "singleton", deadLetter: SYNC_DEAD_QUEUE });
  return boss;
}

/** Creates a queue unless it exists (several processes may race to create it). */
export async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Omit<PgBoss.Queue, "name">,
): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (e) {
    if (!(await boss.getQueue(name))) throw e;
  }
}
