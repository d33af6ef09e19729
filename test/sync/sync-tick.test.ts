// A schedule's real cron tick, end to end, with the workers' default intervals (2 s polls, pg-boss's
// cron checked every 2 s, its cron monitor every 30 s): how long from the minute the cron is due to the
// platform's receipt, by phase (due → tick job → run queued → attempt started → last receipt).
// FUPIN_SYNC_TIMINGS names a file the measured phases are appended to (JSON lines) for the note.
import { appendFileSync } from "node:fs";
import {
  createLogger,
  createSqlExecutor,
  loadSyncSettings,
  type SyncRunView,
  saveSchedule,
  startSyncBoss,
  startSyncWorker,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOWN_A } from "../gateway/graphql-fixture.js";
import { type SyncHarness, startSyncHarness } from "../support/sync.js";

let h: SyncHarness;
let sender: Awaited<ReturnType<typeof startSyncBoss>> | undefined;
let stopWorker: (() => Promise<void>) | undefined;

beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await stopWorker?.();
  await sender?.stop({ graceful: false, wait: true });
  await h?.close();
});

describe("a scheduled tick", () => {
  it("fires on the minute and its run is delivered: due minute to receipt measured", async () => {
    const sql = createSqlExecutor(h.db.pool);
    sender = await startSyncBoss(h.db.url, h.settings, { supervise: false });
    // The cron names one minute at least 15 s ahead (China time), so the tick measured is a real one,
    // not the catch-up pg-boss sends for a minute already begun.
    const dueAt = Math.ceil((Date.now() + 15_000) / 60_000) * 60_000;
    const china = new Date(dueAt + 8 * 3_600_000);
    const cron = `${china.getUTCMinutes()} ${china.getUTCHours()} * * *`;
    await saveSchedule(
      sql,
      { boss: sender, settings: h.settings },
      {
        profile: "province-households",
        regionCode: TOWN_A,
        cron,
        enabled: true,
        preparer: "张三",
        reviewer: "李四",
        updatedBy: "test:tick",
      },
      new Date(),
    );
    // The defaults a deployment runs with, but for where the platform is and its credential.
    const settings = loadSyncSettings(h.settings.env, { dropDir: h.dropDir });
    const worker = await startSyncWorker({
      url: h.db.url,
      pool: h.db.pool,
      orm: h.db.orm,
      settings,
      logger: createLogger("silent"),
    });
    stopWorker = () => worker.stop();
    let run: SyncRunView | undefined;
    const deadline = dueAt + 120_000;
    while (!run && Date.now() < deadline) {
      const rows = await h.db.pool.query<{ id: string }>(
        "select id::text as id from sync_run where trigger = 'schedule' order by id limit 1",
      );
      if (rows.rows[0]) run = await h.waitFor(rows.rows[0].id, ["delivered"], 60_000);
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(run).toMatchObject({ status: "delivered", trigger: "schedule", regionCode: TOWN_A });
    const receipts = h.simulator.stats().receipts;
    const receiptAt = Math.max(...receipts.map((r) => Date.parse(r.receivedAt)));
    const queuedAt = run!.queuedAt.getTime();
    const tick = await h.db.pool.query<{ at: Date }>(
      `select created_on as at from pgboss.job where name like 'sync-tick-%'
        union all select created_on from pgboss.archive where name like 'sync-tick-%' order by 1 limit 1`,
    );
    const tickAt = tick.rows[0]!.at.getTime();
    const phases = {
      dueToTickMs: tickAt - dueAt,
      tickToQueuedMs: queuedAt - tickAt,
      queuedToStartedMs: run!.startedAt!.getTime() - queuedAt,
      startedToReceiptMs: receiptAt - run!.startedAt!.getTime(),
      dueToReceiptMs: receiptAt - dueAt,
      batches: receipts.length,
    };
    if (process.env.FUPIN_SYNC_TIMINGS)
      appendFileSync(process.env.FUPIN_SYNC_TIMINGS, `${JSON.stringify(phases)}\n`);
    // pg-boss sends a due cron when its cron monitor next looks (every cronMonitorIntervalSeconds, at
    // worst twice that: one process's check may land a moment early), then two polls and the work;
    // the margins are for a loaded machine.
    const monitorMs = settings.cronMonitorIntervalSeconds * 1000;
    expect(phases.dueToTickMs).toBeGreaterThanOrEqual(0);
    expect(phases.dueToTickMs).toBeLessThan(2 * monitorMs + 10_000);
    expect(phases.tickToQueuedMs + phases.queuedToStartedMs).toBeLessThan(
      4 * settings.pollingIntervalSeconds * 1000 + 5_000,
    );
    expect(phases.dueToReceiptMs).toBeLessThan(2 * monitorMs + 30_000);
  }, 240_000);
});
