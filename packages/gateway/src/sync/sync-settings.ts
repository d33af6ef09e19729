import path from "node:path";

/** How the sync pipeline runs: pg-boss intervals, retry overrides (tests make them fast), where files are dropped, where credentials come from. */
export interface SyncSettings {
  /** Seconds between a worker's polls of the queue. */
  readonly pollingIntervalSeconds: number;
  /** Seconds between pg-boss maintenance passes (expiring the jobs of killed workers). */
  readonly maintenanceIntervalSeconds: number;
  /** Seconds between checks of the cron schedules (1–45). */
  readonly cronMonitorIntervalSeconds: number;
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  readonly expireInSeconds: number;
  /** Overrides the profiles' first retry delay (seconds) when set. */
  readonly retryDelaySeconds: number | null;
  /** Overrides the profiles' retry limit when set. */
  readonly retryLimit: number | null;
  /** Seconds between a worker's reloads of the schedule list (to work the tick queues of new schedules). */
  readonly scheduleRefreshSeconds: number;
  /** Seconds between a worker's sweeps for runs whose pg-boss job is gone (see `sweepLostRuns`). */
  readonly sweepIntervalSeconds: number;
  /** The folder a profile's relative `transport.folder` is under. */
  readonly dropDir: string;
  /** Where bearer credentials (by the profile's `credentialEnv`) and URL overrides (`FUPIN_SYNC_URL_<PROFILE>`) are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

function numberOf(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of seconds ≥ 0, got "${text}"`);
  return n;
}

/** The sync settings of an environment: FUPIN_SYNC_POLL_SECONDS, FUPIN_SYNC_EXPIRE_SECONDS, FUPIN_SYNC_RETRY_DELAY_SECONDS, FUPIN_SYNC_RETRY_LIMIT, FUPIN_SYNC_SWEEP_SECONDS, FUPIN_DROP_DIR. */
export function loadSyncSettings(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<SyncSettings> = {},
): SyncSettings {
  const retryDelay = env.FUPIN_SYNC_RETRY_DELAY_SECONDS;
  const retryLimit = env.FUPIN_SYNC_RETRY_LIMIT;
  return {
    pollingIntervalSeconds: numberOf(env, "FUPIN_SYNC_POLL_SECONDS", 2),
    maintenanceIntervalSeconds: numberOf(env, "FUPIN_SYNC_MAINTENANCE_SECONDS", 30),
    cronMonitorIntervalSeconds: numberOf(env, "FUPIN_SYNC_CRON_SECONDS", 30),
    expireInSeconds: numberOf(env, "FUPIN_SYNC_EXPIRE_SECONDS", 900),
    retryDelaySeconds: retryDelay ? numberOf(env, "FUPIN_SYNC_RETRY_DELAY_SECONDS", 0) : null,
    retryLimit: retryLimit ? numberOf(env, "FUPIN_SYNC_RETRY_LIMIT", 0) : null,
    scheduleRefreshSeconds: numberOf(env, "FUPIN_SYNC_SCHEDULE_REFRESH_SECONDS", 30),
    sweepIntervalSeconds: numberOf(env, "FUPIN_SYNC_SWEEP_SECONDS", 60),
    dropDir: path.resolve(env.FUPIN_DROP_DIR ?? ".data/drop"),
    env,
    ...overrides,
  };
}
