import { type AuditEntry, createAuditWriter, runCli, verifyAuditChain } from "@fupin/gateway";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

function entry(n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    principalId: "key:abc",
    action: "update",
    entityType: "household",
    entityId: `hh-${n}`,
    countyCode: "360723",
    before: { phone: "13800000000", nested: { b: 1, a: [1, "二"] } },
    after: { phone: "13900000000", nested: { a: [1, "二"], b: 2 } },
    requestId: `req-${n}`,
    at: new Date(Date.UTC(2026, 5, 1, 8, 0, n)),
    ...over,
  };
}

async function cli(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(
    args,
    { DATABASE_URL: db.url },
    { log: (l) => out.push(l), error: (l) => out.push(l) },
  );
  return { code, out };
}

describe("audit writer and chain", () => {
  it("appends hash-chained entries and verifies them", async () => {
    const writer = createAuditWriter(db.pool);
    await writer.append([entry(1), entry(2)]);
    await writer.append([
      entry(3, { action: "read_personal", before: null, after: { records: { member: ["m1"] } } }),
    ]);
    expect(await verifyAuditChain(db.pool)).toEqual({ ok: true, entries: 3 });
    const rows = await db.pool.query<{ prev_hash: string; hash: string }>(
      "select prev_hash, hash from audit_log order by seq",
    );
    expect(rows.rows[0]?.prev_hash).toBe("0".repeat(64));
    expect(rows.rows[1]?.prev_hash).toBe(rows.rows[0]?.hash);
    expect(rows.rows[2]?.prev_hash).toBe(rows.rows[1]?.hash);
    // The chain is extended in PostgreSQL (fupin_audit_append): an absent image is SQL null, not JSON null.
    const nulls = await db.pool.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'read_personal' and before is null",
    );
    expect(nulls.rows[0]?.n).toBe(1);
  });

  it("appends inside the caller's transaction, and nothing when it rolls back", async () => {
    const writer = createAuditWriter(db.pool);
    const before = await verifyAuditChain(db.pool);
    const inTransaction = async (work: (client: pg.PoolClient) => Promise<void>) => {
      const client = await db.pool.connect();
      try {
        await client.query("begin");
        await work(client);
        await client.query("commit");
      } catch (e) {
        await client.query("rollback");
        throw e;
      } finally {
        client.release();
      }
    };
    await expect(
      inTransaction(async (client) => {
        await writer.append([entry(10)], client);
        throw new Error("mutation failed");
      }),
    ).rejects.toThrow("mutation failed");
    expect(await verifyAuditChain(db.pool)).toEqual(before);
    await inTransaction(async (client) => {
      await writer.append([entry(11)], client);
    });
    const after = await verifyAuditChain(db.pool);
    expect(after).toEqual({ ok: true, entries: (before.ok ? before.entries : 0) + 1 });
  });

  it("keeps one chain under concurrent writers on separate connections", async () => {
    const writers = [createAuditWriter(db.pool), createAuditWriter(db.pool), createAuditWriter(db.pool)];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => writers[i % 3]!.append([entry(100 + i), entry(200 + i)])),
    );
    const r = await verifyAuditChain(db.pool);
    expect(r.ok).toBe(true);
    const forks = await db.pool.query(
      "select prev_hash from audit_log group by prev_hash having count(*) > 1",
    );
    expect(forks.rowCount).toBe(0);
  });

  it("`fupin audit verify` reports the count", async () => {
    const r = await verifyAuditChain(db.pool);
    const { code, out } = await cli(["audit", "verify"]);
    expect(code).toBe(0);
    expect(out).toContain(`audit log ok: ${r.ok ? r.entries : -1} entries`);
  });

  it("detects a row changed by a superuser with the trigger disabled, and names its seq", async () => {
    const target = await db.pool.query<{ seq: number }>(
      "select seq from audit_log order by seq offset 2 limit 1",
    );
    const seq = target.rows[0]!.seq;
    const client = await db.pool.connect();
    try {
      await client.query("begin");
      await client.query("alter table audit_log disable trigger audit_log_no_update_delete");
      await client.query(`update audit_log set after = '{"phone":"13700000000"}' where seq = $1`, [seq]);
      await client.query("alter table audit_log enable trigger audit_log_no_update_delete");
      await client.query("commit");
    } finally {
      client.release();
    }
    const r = await verifyAuditChain(db.pool);
    expect(r).toMatchObject({ ok: false, brokenSeq: seq, reason: "content does not match its hash" });
    const { code, out } = await cli(["audit", "verify"]);
    expect(code).toBe(1);
    expect(out.join("\n")).toContain(`audit log broken at seq ${seq}`);
  });

  it("detects a deleted row: the next entry no longer links", async () => {
    const fresh = await createTestDatabase();
    try {
      await createAuditWriter(fresh.pool).append([entry(1), entry(2), entry(3)]);
      const client = await fresh.pool.connect();
      try {
        await client.query("alter table audit_log disable trigger audit_log_no_update_delete");
        await client.query("delete from audit_log where seq = 2");
        await client.query("alter table audit_log enable trigger audit_log_no_update_delete");
      } finally {
        client.release();
      }
      expect(await verifyAuditChain(fresh.pool)).toMatchObject({
        ok: false,
        brokenSeq: 3,
        reason: "does not link to the previous entry",
      });
    } finally {
      await fresh.close();
    }
  });
});
