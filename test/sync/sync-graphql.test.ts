import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPlatformSimulator, type PlatformSimulator } from "@fupin/adapters";
import { createLogger, type SyncWorker, startSyncWorker } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY, seedFixture, TOWN_A, TOWN_B } from "../gateway/graphql-fixture.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { fastSyncSettings, PROVINCE_TOKEN } from "../support/sync.js";

let gateway: TestGateway;
let simulator: PlatformSimulator;
let worker: SyncWorker;
let dropDir: string;
let keys: { reader: string; townB: string; submitter: string };

beforeAll(async () => {
  simulator = await createPlatformSimulator({ tokens: { province: PROVINCE_TOKEN } });
  dropDir = await mkdtemp(path.join(tmpdir(), "fupin-sync-gql-"));
  gateway = await startTestGateway({
    seedHouseholds: 0,
    sync: async (db) => {
      await seedFixture(db.pool);
      worker = await startSyncWorker({
        url: db.url,
        pool: db.pool,
        orm: db.orm,
        settings: fastSyncSettings(simulator, dropDir),
        logger: createLogger("silent"),
      });
      return worker;
    },
  });
  keys = {
    reader: await gateway.keys.create(COUNTY, ["ledger:read"]),
    townB: await gateway.keys.create(TOWN_B, ["ledger:read", "reports:submit"]),
    submitter: await gateway.keys.create(COUNTY, ["ledger:read", "reports:submit"]),
  };
});
afterAll(async () => {
  await worker?.stop();
  await gateway?.close();
  await simulator?.close();
  if (dropDir) await rm(dropDir, { recursive: true, force: true });
});

const SET = `mutation($p: String!, $r: String!, $c: String!, $e: Boolean) {
  setSyncSchedule(profile: $p, regionCode: $r, cron: $c, preparer: "张三", reviewer: "李四", enabled: $e) {
    id profile regionCode cron timezone enabled preparer reviewer nextRunAt updatedBy
  }
}`;
const RUNS = `query($r: String!, $s: SyncRunStatus, $first: Int, $after: String) {
  syncRuns(regionCode: $r, status: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id profile regionCode period status attempts late dueDate error submissionId rejectedRowCount
      rejectedRows { sheet batch row rowKey field reason } lateFinding { code dueDate deliveredOn } }
  }
}`;

async function waitForStatus(id: string, status: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const res = await gateway.graphql<{ syncRuns: { nodes: Record<string, unknown>[] } }>(RUNS, {
      r: COUNTY,
      first: 50,
    });
    const run = res.body.data?.syncRuns.nodes.find((n) => n.id === id);
    if (run?.status === status) return run;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`run ${id} never ${status}`);
}

describe("sync over GraphQL", () => {
  it("setSyncSchedule needs reports:submit, checks the cron and the scope, and syncSchedules lists it", async () => {
    const denied = await gateway.graphql(
      SET,
      { p: "city-projects", r: COUNTY, c: "0 9 1 * *" },
      { key: keys.reader },
    );
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const badCron = await gateway.graphql(SET, { p: "city-projects", r: COUNTY, c: "61 9 1 * *" });
    expect(badCron.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cron" });
    const outside = await gateway.graphql(
      SET,
      { p: "city-projects", r: TOWN_A, c: "0 9 1 * *" },
      { key: keys.townB },
    );
    expect(outside.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    const set = await gateway.graphql<{ setSyncSchedule: Record<string, unknown> }>(
      SET,
      { p: "city-projects", r: COUNTY, c: "0 9 1 * *" },
      { key: keys.submitter },
    );
    expect(set.body.data?.setSyncSchedule).toMatchObject({
      timezone: "Asia/Shanghai",
      enabled: true,
      preparer: "张三",
    });
    // 09:00 on the 1st in China is 01:00 UTC.
    expect(String(set.body.data?.setSyncSchedule.nextRunAt)).toMatch(/-01T01:00:00\.000Z$/);
    const listed = await gateway.graphql<{ syncSchedules: { profile: string }[] }>(
      `query { syncSchedules(regionCode: "${COUNTY}") { profile regionCode cron } }`,
      {},
      { key: keys.reader },
    );
    expect(listed.body.data?.syncSchedules.map((s) => s.profile)).toContain("city-projects");
    const townView = await gateway.graphql<{ syncSchedules: unknown[] }>(
      `query { syncSchedules(regionCode: "${TOWN_B}") { profile } }`,
      {},
      { key: keys.townB },
    );
    expect(townView.body.data?.syncSchedules).toEqual([]);
    const audit = await gateway.db.pool.query("select 1 from audit_log where entity_type = 'sync_schedule'");
    expect(audit.rowCount).toBe(1);
  });

  it("syncRuns shows runs by status in scope, with rejected rows; rerunSync requeues a failed run only", async () => {
    const { requestSyncRun, createSqlExecutor } = await import("@fupin/gateway");
    const sql = createSqlExecutor(gateway.db.pool);
    const ask = (period: string) =>
      requestSyncRun(
        sql,
        worker,
        {
          profile: "province-households",
          regionCode: TOWN_A,
          period,
          trigger: "manual",
          requestedBy: "test",
          preparer: "张三",
          reviewer: "李四",
        },
        new Date(),
      );
    simulator.setFault({ mode: "reject-rows", first: 1 });
    const { run } = await ask("2024-06");
    const delivered = await waitForStatus(run.id, "delivered");
    expect(delivered.rejectedRowCount).toBeGreaterThan(0);
    expect((delivered.rejectedRows as unknown[]).length).toBe(delivered.rejectedRowCount);
    // Delivered in 2026, due in 2024: late, and the finding says so.
    expect(delivered).toMatchObject({
      late: true,
      lateFinding: { code: "SYNC.LATE", dueDate: "2024-07-05" },
    });
    const hidden = await gateway.graphql<{ syncRuns: { totalCount: number } }>(
      RUNS,
      { r: TOWN_B },
      { key: keys.townB },
    );
    expect(hidden.body.data?.syncRuns.totalCount).toBe(0);
    const filtered = await gateway.graphql<{ syncRuns: { nodes: { id: string }[] } }>(RUNS, {
      r: COUNTY,
      s: "delivered",
    });
    expect(filtered.body.data?.syncRuns.nodes.map((n) => n.id)).toContain(run.id);

    const notAgain = await gateway.graphql(`mutation { rerunSync(id: "${run.id}") { id status } }`);
    expect(notAgain.body.errors?.[0]?.extensions?.code).toBe("SYNC.NOT_RERUNNABLE");
    const notFound = await gateway.graphql(
      `mutation { rerunSync(id: "${run.id}") { id } }`,
      {},
      { key: keys.townB },
    );
    expect(notFound.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    simulator.clearFault();
    await gateway.db.pool.query("update sync_run set status = 'failed', error = 'HTTP 400' where id = $1", [
      run.id,
    ]);
    const rerun = await gateway.graphql<{ rerunSync: { status: string } }>(
      `mutation { rerunSync(id: "${run.id}") { id status error } }`,
      {},
      { key: keys.submitter },
    );
    expect(rerun.body.data?.rerunSync.status).toBe("queued");
    await waitForStatus(run.id, "delivered");
  });

  it("runSyncNow queues a report's run once, in scope, for reports:submit, and audits who asked", async () => {
    const NOW = `mutation($p: String!, $r: String!, $d: String!) {
      runSyncNow(profile: $p, regionCode: $r, period: $d, preparer: "张三", reviewer: "李四") {
        created run { id profile regionCode period status trigger requestedBy }
      }
    }`;
    type Now = { runSyncNow: { created: boolean; run: Record<string, string> } };
    const args = { p: "province-households", r: TOWN_B, d: "2024-04" };
    const denied = await gateway.graphql(NOW, args, { key: keys.reader });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outside = await gateway.graphql(NOW, { ...args, r: TOWN_A }, { key: keys.townB });
    expect(outside.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    const badPeriod = await gateway.graphql(NOW, { ...args, d: "2024-13" }, { key: keys.townB });
    expect(badPeriod.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "period" });
    const badProfile = await gateway.graphql(NOW, { ...args, p: "ledger" }, { key: keys.townB });
    expect(badProfile.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "profile",
    });
    expect((await gateway.db.pool.query("select 1 from sync_run where period = '2024-04'")).rowCount).toBe(0);

    simulator.reset();
    const first = await gateway.graphql<Now>(NOW, args, { key: keys.townB });
    const run = first.body.data!.runSyncNow.run;
    expect(first.body.data?.runSyncNow.created).toBe(true);
    expect(run).toMatchObject({ regionCode: TOWN_B, period: "2024-04", trigger: "manual" });
    const again = await gateway.graphql<Now>(NOW, args, { key: keys.submitter });
    expect(again.body.data?.runSyncNow).toMatchObject({ created: false, run: { id: run.id } });
    await waitForStatus(run.id!, "delivered");
    const batches = await gateway.db.pool.query<{ n: number }>(
      "select count(*)::int as n from sync_outbox where run_id = $1",
      [run.id],
    );
    expect(simulator.stats()).toMatchObject({ deliveries: batches.rows[0]!.n, duplicates: 0, repeats: 0 });
    const audit = await gateway.db.pool.query<{
      principal_id: string;
      action: string;
      after: { status: string };
    }>(
      "select principal_id, action, after from audit_log where entity_type = 'sync_run' and entity_id = $1 order by seq",
      [run.id],
    );
    expect(audit.rows[0]).toMatchObject({ action: "create", after: { status: "queued" } });
    expect(audit.rows[0]!.principal_id).toBe(run.requestedBy);
    expect(audit.rows.at(-1)!.after.status).toBe("delivered");
    expect(JSON.stringify([first.body, again.body])).not.toContain(PROVINCE_TOKEN);
  });

  it("rejects a bad status and a cursor it did not give", async () => {
    const bad = await gateway.graphql(RUNS, { r: COUNTY, after: "nonsense" });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const status = await gateway.graphql(RUNS, { r: COUNTY, s: "lost" });
    expect(status.body.errors?.[0]).toBeDefined();
  });
});
