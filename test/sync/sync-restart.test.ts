// The fault matrix's database case: an embedded PostgreSQL of this test's own (never the machine's
// shared server) is stopped while a run is delivering and started again on the same port.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type EmbeddedPostgres, findFreePort, startEmbeddedPostgres } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOWN_A } from "../gateway/graphql-fixture.js";
import { recordFaultCase } from "../support/fault-matrix.js";
import { type SyncHarness, startSyncHarness } from "../support/sync.js";

let dir: string;
let port: number;
let server: EmbeddedPostgres | null = null;
let h: SyncHarness;

const startServer = async () => {
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "postgres", port });
  return server;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "fupin-sync-restart-"));
  await chmod(dir, 0o755);
  port = await findFreePort();
  const started = await startServer();
  h = await startSyncHarness({ serverUrl: started.url });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe("sync with its database restarted mid-run (embedded PostgreSQL of its own)", () => {
  it("the run whose receipt could not be stored resumes after the restart: one delivery per batch", async () => {
    await h.worker();
    // The platform holds the first batch 4 s: the database goes down while the worker waits for it.
    h.simulator.setFault({ mode: "slow", requests: 1, delayMs: 4_000 });
    const run = await h.request("province-households", TOWN_A, "2024-10");
    await until(() => h.simulator.stats().requests > 0, 30_000);
    expect(h.simulator.stats().requests).toBe(1);
    await server!.stop();
    server = null;
    // The platform answers (and keeps the batch) while the database is down.
    await until(() => h.simulator.stats().deliveries > 0, 10_000);
    expect(h.simulator.stats().deliveries).toBe(1);
    await new Promise((r) => setTimeout(r, 1_000));
    await startServer();
    const done = await h.waitFor(run.id, ["delivered"], 90_000);
    const batches = await h.outboxSize(run.id);
    const stats = h.simulator.stats();
    recordFaultCase("database restarted mid-run → resumed", batches, stats);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(stats.deliveries).toBe(batches);
    expect(stats).toMatchObject({ duplicates: 0, repeats: 1 });
    const receipts = await h.db.pool.query<{ n: number }>(
      "select count(*)::int as n from sync_outbox where run_id = $1 and receipt is not null",
      [run.id],
    );
    expect(receipts.rows[0]!.n).toBe(batches);
  }, 150_000);
});
