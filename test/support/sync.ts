import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPlatformSimulator, type PlatformSimulator } from "@fupin/adapters";
import {
  createLogger,
  createSqlExecutor,
  loadRun,
  loadSyncSettings,
  requestSyncRun,
  type SyncRunStatus,
  type SyncRunView,
  type SyncSettings,
  type SyncWorker,
  startSyncWorker,
} from "@fupin/gateway";
import { seedFixture } from "../gateway/graphql-fixture.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

/** The bearer token the simulated provincial platform requires in the sync tests. */
export const PROVINCE_TOKEN = "sync-test-province-token-4f1c";

/** Fast settings for tests: quick polls, retries after a second, lost jobs expired after a few seconds. */
export function fastSyncSettings(
  simulator: PlatformSimulator,
  dropDir: string,
  extra: Partial<SyncSettings> = {},
): SyncSettings {
  return loadSyncSettings(
    {
      FUPIN_PROVINCE_TOKEN: PROVINCE_TOKEN,
      FUPIN_SYNC_URL_PROVINCE_HOUSEHOLDS: `${simulator.url}/province/batches`,
      FUPIN_SYNC_URL_CITY_PROJECTS: `${simulator.url}/city/batches`,
      FUPIN_CITY_TOKEN: "sync-test-city-token",
    },
    {
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      cronMonitorIntervalSeconds: 1,
      expireInSeconds: 4,
      retryDelaySeconds: 1,
      retryLimit: 4,
      scheduleRefreshSeconds: 1,
      sweepIntervalSeconds: 1,
      dropDir,
      ...extra,
    },
  );
}

/** A database with the two-township fixture, the platform simulator, and workers started on demand. */
export interface SyncHarness {
  readonly db: TestDatabase;
  readonly simulator: PlatformSimulator;
  readonly settings: SyncSettings;
  readonly dropDir: string;
  /** Starts a worker in this process (stopped by `close`). */
  worker(extra?: Partial<SyncSettings>): Promise<SyncWorker>;
  /** Asks for a run now through the first worker's pg-boss. */
  request(profile: string, regionCode: string, period: string): Promise<SyncRunView>;
  /** Waits until the run is in one of the statuses; fails with its last state after `ms`. */
  waitFor(runId: string, statuses: readonly SyncRunStatus[], ms?: number): Promise<SyncRunView>;
  /** How many outbox entries the run has (the deliveries it needs). */
  outboxSize(runId: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts a sync test harness on a fresh database (on `serverUrl`'s server when given: a test's own). */
export async function startSyncHarness(
  options: { forceEmbedded?: boolean; serverUrl?: string } = {},
): Promise<SyncHarness> {
  const db = await createTestDatabase({
    ...(options.forceEmbedded ? { forceEmbedded: true } : {}),
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
  });
  await seedFixture(db.pool);
  const simulator = await createPlatformSimulator({ tokens: { province: PROVINCE_TOKEN } });
  const dropDir = await mkdtemp(path.join(tmpdir(), "fupin-sync-drop-"));
  const settings = fastSyncSettings(simulator, dropDir);
  const workers: SyncWorker[] = [];
  const sql = createSqlExecutor(db.pool);
  const logger = createLogger("silent");
  const harness: SyncHarness = {
    db,
    simulator,
    settings,
    dropDir,
    async worker(extra = {}) {
      const w = await startSyncWorker({
        url: db.url,
        pool: db.pool,
        orm: db.orm,
        settings: { ...settings, ...extra },
        logger,
      });
      workers.push(w);
      return w;
    },
    async request(profile, regionCode, period) {
      const service = workers[0] ?? (await harness.worker());
      const { run } = await requestSyncRun(
        sql,
        service,
        {
          profile,
          regionCode,
          period,
          trigger: "manual",
          requestedBy: "test:sync",
          preparer: "张三",
          reviewer: "李四",
        },
        new Date(),
      );
      return run;
    },
    async waitFor(runId, statuses, ms = 30_000) {
      const deadline = Date.now() + ms;
      let run = await loadRun(sql, runId);
      while (!run || !statuses.includes(run.status)) {
        const finished = run && ["delivered", "blocked", "failed", "dead"].includes(run.status);
        if (Date.now() > deadline || finished)
          throw new Error(`run ${runId} not ${statuses.join("/")} within ${ms} ms: ${JSON.stringify(run)}`);
        await new Promise((r) => setTimeout(r, 100));
        run = await loadRun(sql, runId).catch(() => run);
      }
      return run;
    },
    async outboxSize(runId) {
      const r = await db.pool.query<{ n: number }>(
        "select count(*)::int as n from sync_outbox where run_id = $1",
        [runId],
      );
      return r.rows[0]!.n;
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.stop()));
      await simulator.close();
      await rm(dropDir, { recursive: true, force: true });
      await db.close();
    },
  };
  return harness;
}
