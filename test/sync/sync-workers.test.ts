import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createSqlExecutor,
  loadRun,
  requestSyncRun,
  SYNC_LEASE_CLASS,
  SYNC_SWEEP_PRINCIPAL,
  type SyncService,
  type SyncWorker,
  startSyncBoss,
  sweepLostRuns,
} from "@fupin/gateway";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B } from "../gateway/graphql-fixture.js";
import { recordFaultCase } from "../support/fault-matrix.js";
import { type SyncHarness, startSyncHarness } from "../support/sync.js";

let h: SyncHarness;
let sender: SyncService;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await startSyncHarness();
  // Queues runs without working them: the workers under test do.
  sender = { boss: await startSyncBoss(h.db.url, h.settings, { supervise: false }), settings: h.settings };
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await sender?.boss.stop({ graceful: false, wait: true });
  await h?.close();
});
beforeEach(() => h.simulator.reset());

const ask = (profile: string, regionCode: string, period: string) =>
  requestSyncRun(
    createSqlExecutor(h.db.pool),
    sender,
    {
      profile,
      regionCode,
      period,
      trigger: "manual",
      requestedBy: "test:workers",
      preparer: "张三",
      reviewer: "李四",
    },
    new Date(),
  );

function startChildWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("../support/sync-worker-child.ts", import.meta.url))],
    {
      env: {
        ...process.env,
        FUPIN_TEST_DB_URL: h.db.url,
        FUPIN_TEST_SYNC_SETTINGS: JSON.stringify(h.settings),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

describe("sync workers (real processes, simulator, PostgreSQL)", () => {
  it("a run whose lease a live worker holds (its job expired under it) is not attempted twice", async () => {
    const { run } = await ask("province-households", TOWN_B, "2024-12");
    // A slow worker, still alive, holds the run's lease; pg-boss has given its job to this worker.
    const holder = await h.db.pool.connect();
    let worker: SyncWorker | undefined;
    const liveJobs = async () =>
      (
        await h.db.pool.query("select 1 from pgboss.job where data->>'runId' = $1 and state < 'completed'", [
          run.id,
        ])
      ).rowCount ?? 0;
    try {
      await holder.query("select pg_advisory_lock($1, $2::int)", [SYNC_LEASE_CLASS, run.id]);
      worker = await h.worker();
      const deadline = Date.now() + 20_000;
      while ((await liveJobs()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await liveJobs()).toBe(0);
      // Several sweeps (every second here) pass: the leased run is left to its worker.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(await liveJobs()).toBe(0);
      expect(h.simulator.stats().requests).toBe(0);
      expect(await loadRun(createSqlExecutor(h.db.pool), run.id)).toMatchObject({
        status: "queued",
        attempts: 0,
      });
    } finally {
      await holder.query("select pg_advisory_unlock($1, $2::int)", [SYNC_LEASE_CLASS, run.id]);
      holder.release();
    }
    // The holder went away without finishing it: the sweep gives the run to a worker.
    await h.waitFor(run.id, ["delivered"], 30_000);
    const batches = await h.outboxSize(run.id);
    recordFaultCase(
      "job expired under a live worker (lease held) → not attempted twice",
      batches,
      h.simulator.stats(),
    );
    expect(h.simulator.stats()).toMatchObject({ deliveries: batches, duplicates: 0, repeats: 0 });
    // The cases after this one need their own workers to take the jobs.
    await worker?.stop();
  });

  it("a run claimed by a worker that died and whose job is gone is swept up by a worker and delivered once", async () => {
    const sql = createSqlExecutor(h.db.pool);
    const { run } = await ask("province-households", TOWN_A, "2024-11");
    // A worker took it (running, one attempt) and died; pg-boss still has the job: not the sweep's.
    await h.db.pool.query(
      "update sync_run set status = 'running', attempts = 1, started_at = now() where id = $1",
      [run.id],
    );
    expect(await sweepLostRuns(sql, sender, new Date())).toEqual([]);
    // Then the job is lost (deleted with pg-boss's tables, say): nothing in pg-boss would run it again.
    const gone = await h.db.pool.query("delete from pgboss.job where data->>'runId' = $1", [run.id]);
    expect(gone.rowCount).toBe(1);
    const worker = await h.worker();
    const done = await h.waitFor(run.id, ["delivered"], 30_000);
    expect(done.attempts).toBe(2);
    const batches = await h.outboxSize(run.id);
    recordFaultCase(
      "run claimed by a dead worker, its job gone → swept, resumed",
      batches,
      h.simulator.stats(),
    );
    expect(h.simulator.stats()).toMatchObject({ deliveries: batches, duplicates: 0, repeats: 0 });
    const audit = await h.db.pool.query<{
      principal_id: string;
      before: { status: string };
      after: { status: string };
    }>(
      "select principal_id, before, after from audit_log where entity_type = 'sync_run' and entity_id = $1 order by seq",
      [run.id],
    );
    expect(audit.rows.map((r) => r.after.status)).toEqual(["queued", "queued", "running", "delivered"]);
    expect(audit.rows[1]).toMatchObject({
      principal_id: SYNC_SWEEP_PRINCIPAL,
      before: { status: "running" },
    });
    // Delivered: the next sweeps leave it alone.
    expect(await sweepLostRuns(sql, sender, new Date())).toEqual([]);
    // The next case needs its child worker to take the job.
    await worker.stop();
  });

  it("a worker killed (SIGKILL) mid-delivery: the run resumes in another worker and is delivered once", async () => {
    h.simulator.setFault({ mode: "slow", requests: 1, delayMs: 2_000 });
    const child = await startChildWorker();
    const { run } = await ask("province-households", TOWN_A, "2024-10");
    const deadline = Date.now() + 30_000;
    while (h.simulator.stats().requests === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(h.simulator.stats().requests).toBe(1);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    await h.worker();
    const done = await h.waitFor(run.id, ["delivered"], 60_000);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const stats = h.simulator.stats();
    const batches = await h.outboxSize(run.id);
    recordFaultCase("worker killed (SIGKILL) mid-delivery → resumed", batches, stats);
    expect(stats.deliveries).toBe(batches);
    expect(stats.duplicates).toBe(0);
    expect(stats.repeats).toBe(1);
  });

  it("two workers, one slot: asked for twice at once, one run, each batch delivered once", async () => {
    await h.worker();
    const [a, b] = await Promise.all([
      ask("province-households", TOWN_B, "2024-10"),
      ask("province-households", TOWN_B, "2024-10"),
    ]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await h.waitFor(a.run.id, ["delivered"]);
    const runs = await h.db.pool.query<{ n: number }>(
      "select count(*)::int as n from sync_run where region_code = $1 and period = '2024-10'",
      [TOWN_B],
    );
    expect(runs.rows[0]!.n).toBe(1);
    const stats = h.simulator.stats();
    const batches = await h.outboxSize(a.run.id);
    recordFaultCase("two workers, one slot (asked twice at once) → one run", batches, stats);
    expect(stats.deliveries).toBe(batches);
    expect(stats).toMatchObject({ duplicates: 0, repeats: 0 });
  });
});
