import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createLogger,
  createSqlExecutor,
  requestSyncRun,
  type SyncService,
  startSyncBoss,
} from "@fupin/gateway";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B } from "../gateway/graphql-fixture.js";
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
    expect(stats.deliveries).toBe(await h.outboxSize(run.id));
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
    expect(stats.deliveries).toBe(await h.outboxSize(a.run.id));
    expect(stats).toMatchObject({ duplicates: 0, repeats: 0 });
  });
});
