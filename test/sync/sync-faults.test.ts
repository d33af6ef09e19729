import { LEDGER_TABLES, verifyAuditChain } from "@fupin/gateway";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B } from "../gateway/graphql-fixture.js";
import { recordFaultCase } from "../support/fault-matrix.js";
import { PROVINCE_TOKEN, type SyncHarness, startSyncHarness } from "../support/sync.js";

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
  await h.worker();
});
afterAll(() => h?.close());
beforeEach(() => h.simulator.reset());

const deliveries = () => h.simulator.stats().deliveries;

/** The statuses a run went through, as the audit log has them (create first), and who it names. */
async function auditedStatuses(runId: string): Promise<{ statuses: string[]; principals: string[] }> {
  const rows = await h.db.pool.query<{
    before: { status: string } | null;
    after: { status: string };
    principal_id: string;
  }>(
    "select before, after, principal_id from audit_log where entity_type = 'sync_run' and entity_id = $1 order by seq",
    [runId],
  );
  const statuses = rows.rows.map((r) => r.after.status);
  // Each entry starts where the one before it ended.
  rows.rows.forEach((r, i) => {
    if (i > 0) expect(r.before?.status).toBe(statuses[i - 1]);
  });
  return { statuses, principals: [...new Set(rows.rows.map((r) => r.principal_id))] };
}

describe("sync fault matrix (simulator + PostgreSQL)", () => {
  it("delivers a clean report once, with its receipts, and never writes the credential anywhere", async () => {
    const run = await h.request("province-households", TOWN_A, "2024-06");
    const done = await h.waitFor(run.id, ["delivered"]);
    const batches = await h.outboxSize(run.id);
    recordFaultCase("no fault (clean report)", batches, h.simulator.stats());
    expect(batches).toBeGreaterThan(0);
    expect(deliveries()).toBe(batches);
    expect(h.simulator.stats()).toMatchObject({ repeats: 0, duplicates: 0 });
    expect(done).toMatchObject({ attempts: 1, error: null, submissionId: expect.any(String) });
    const receipts = await h.db.pool.query<{ receipt: { receiptId: string } }>(
      "select receipt from sync_outbox where run_id = $1 order by seq",
      [run.id],
    );
    expect(receipts.rows.map((r) => r.receipt.receiptId)).toEqual(
      h.simulator.stats().receipts.map((r) => r.receiptId),
    );
    const dump = await h.db.pool.query<{ t: string }>(
      "select (select coalesce(string_agg(t::text, ''), '') from sync_run t) || (select coalesce(string_agg(o::text, ''), '') from sync_outbox o) as t",
    );
    expect(dump.rows[0]!.t).not.toContain(PROVINCE_TOKEN);
    expect(await auditedStatuses(run.id)).toEqual({
      statuses: ["queued", "running", "delivered"],
      principals: ["test:sync"],
    });
    const audit = await h.db.pool.query<{ t: string }>(
      "select string_agg(a::text, '') as t from audit_log a",
    );
    expect(audit.rows[0]!.t).not.toContain(PROVINCE_TOKEN);
    expect(await verifyAuditChain(h.db.pool)).toMatchObject({ ok: true });
  });

  it("platform down, then back: retried with backoff, delivered once", async () => {
    h.simulator.setFault({ mode: "down", requests: 2 });
    const run = await h.request("province-households", TOWN_A, "2024-07");
    const done = await h.waitFor(run.id, ["delivered"]);
    expect(done.attempts).toBe(3);
    recordFaultCase("platform down (2 × 503), then back", await h.outboxSize(run.id), h.simulator.stats());
    expect(deliveries()).toBe(await h.outboxSize(run.id));
    expect(h.simulator.stats()).toMatchObject({ failures: 2, duplicates: 0 });
    const { statuses } = await auditedStatuses(run.id);
    expect(statuses).toEqual([
      "queued",
      "running",
      "retrying",
      "running",
      "retrying",
      "running",
      "delivered",
    ]);
  });

  it("timeout after the platform accepted: the retry gets the first receipt, no duplicate", async () => {
    h.simulator.setFault({ mode: "accept-then-timeout", requests: 1, delayMs: 5_000 });
    const run = await h.request("province-households", TOWN_A, "2024-08");
    await h.waitFor(run.id, ["delivered"]);
    const stats = h.simulator.stats();
    recordFaultCase("timeout after the platform accepted → retried", await h.outboxSize(run.id), stats);
    expect(stats.deliveries).toBe(await h.outboxSize(run.id));
    expect(stats).toMatchObject({ repeats: 1, duplicates: 0 });
  });

  it("rejected rows are recorded per row with the platform's reason", async () => {
    h.simulator.setFault({ mode: "reject-rows", first: 2 });
    const run = await h.request("province-households", TOWN_B, "2024-06");
    await h.waitFor(run.id, ["delivered"]);
    const rows = await h.db.pool.query<{ sheet: string; row: number; reason: string }>(
      "select sheet, row, reason from sync_rejected_row where run_id = $1 order by sheet, batch, row",
      [run.id],
    );
    recordFaultCase("rejected rows → recorded per row", await h.outboxSize(run.id), h.simulator.stats());
    const expected = h.simulator.stats().receipts.flatMap((r) => r.rejected);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.rows).toHaveLength(expected.length);
    expect(rows.rows[0]!.reason).toContain("refused");
  });

  it("an inconsistent report is blocked, a rectification opened for the township, nothing sent", async () => {
    const { linkageYears, incomes } = LEDGER_TABLES;
    await h.db.pool.query(`update ${linkageYears.table} set benefit_kind = 'wage' where id = 'ly-A'`);
    await h.db.pool.query(`update ${incomes.table} set wage_fen = 1000 where id = 'inc-A'`);
    try {
      const run = await h.request("province-households", TOWN_A, "2024-09");
      const blocked = await h.waitFor(run.id, ["blocked"]);
      expect(blocked.violations).toContainEqual(
        expect.objectContaining({ rule: "R5.WAGES_COVER_EMPLOYMENT_PAY" }),
      );
      expect(blocked.submissionId).toBeNull();
      const ids = blocked.rectificationIds!;
      expect(ids.length).toBeGreaterThan(0);
      const rect = await h.db.pool.query<{ township_code: string; status: string; problem: string }>(
        "select township_code, status, problem from rectification where id = any($1)",
        [ids],
      );
      expect(rect.rows[0]).toMatchObject({ township_code: TOWN_A, status: "open" });
      expect(rect.rows[0]!.problem).toContain("R5.WAGES_COVER_EMPLOYMENT_PAY");
      recordFaultCase("inconsistent report → blocked, nothing sent", 0, h.simulator.stats());
      expect(await h.outboxSize(run.id)).toBe(0);
      expect(h.simulator.stats().requests).toBe(0);
      expect((await auditedStatuses(run.id)).statuses).toEqual(["queued", "running", "blocked"]);
    } finally {
      await h.db.pool.query(`update ${linkageYears.table} set benefit_kind = 'cash' where id = 'ly-A'`);
      await h.db.pool.query(`update ${incomes.table} set wage_fen = 1000000 where id = 'inc-A'`);
    }
  });
});
