import {
  type AuditEntry,
  createAuditWriter,
  createGateway,
  createLogger,
  runCli,
  verifyAuditChain,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEntryBody } from "../../packages/gateway/src/audit/audit-chain.js";
import {
  AUDIT_LOCK_KEY,
  auditLinker,
  auditLinkLag,
  linkAuditEntries,
} from "../../packages/gateway/src/audit/audit-linker.js";
import { appendArgument, appendAuditEntries } from "../../packages/gateway/src/audit/audit-writer.js";
import { inTransaction } from "../../packages/gateway/src/db/pool.js";
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
    const rows = await db.pool.query<{ prev_hash: string; hash: string; link_no: number }>(
      "select prev_hash, hash, link_no from audit_log order by seq",
    );
    expect(rows.rows.map((r) => r.link_no)).toEqual([1, 2, 3]);
    expect(rows.rows[0]?.prev_hash).toBe("0".repeat(64));
    expect(rows.rows[1]?.prev_hash).toBe(rows.rows[0]?.hash);
    expect(rows.rows[2]?.prev_hash).toBe(rows.rows[1]?.hash);
    // Entries go in through fupin_audit_append: an absent image is SQL null, not JSON null.
    const nulls = await db.pool.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'read_personal' and before is null",
    );
    expect(nulls.rows[0]?.n).toBe(1);
  });

  it("appends inside the caller's transaction, and nothing when it rolls back", async () => {
    const writer = createAuditWriter(db.pool);
    const before = await verifyAuditChain(db.pool);
    await expect(
      inTransaction(db.pool, async (client) => {
        await writer.append([entry(10)], client);
        throw new Error("mutation failed");
      }),
    ).rejects.toThrow("mutation failed");
    expect(await verifyAuditChain(db.pool)).toEqual(before);
    await inTransaction(db.pool, async (client) => {
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
      await auditLinker(fresh.pool).settled();
      expect(await linkAuditEntries(fresh.pool)).toBe(0);
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

describe("the chain linked after commit", () => {
  // A database of its own: the tests above leave their chain broken on purpose.
  let ldb: TestDatabase;
  beforeAll(async () => {
    ldb = await createTestDatabase();
  });
  afterAll(async () => {
    await ldb?.close();
  });

  it("lets a writer commit while the chain's lock is held, and links its entries once the lock is free", async () => {
    await inTransaction(ldb.pool, async (holder) => {
      await holder.query("select pg_advisory_xact_lock($1)", [AUDIT_LOCK_KEY.toString()]);
      // Before, the append waited here for the lock until the holder's commit.
      await createAuditWriter(ldb.pool).append([entry(300)]);
      const row = await ldb.pool.query<{ link_no: number | null; hash: string | null }>(
        "select link_no, hash from audit_log where entity_id = 'hh-300'",
      );
      expect(row.rows).toEqual([{ link_no: null, hash: null }]);
    });
    await auditLinker(ldb.pool).settled();
    const linked = await ldb.pool.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_id = 'hh-300' and link_no is not null",
    );
    expect(linked.rows[0]?.n).toBe(1);
    expect(await verifyAuditChain(ldb.pool)).toMatchObject({ ok: true });
  });

  it("links a transaction's entries once inTransaction commits, and never a rolled-back one's", async () => {
    const writer = createAuditWriter(ldb.pool);
    await expect(
      inTransaction(ldb.pool, async (client) => {
        await writer.append([entry(310)], client);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await inTransaction(ldb.pool, (client) => writer.append([entry(311)], client));
    await auditLinker(ldb.pool).settled();
    const rows = await ldb.pool.query<{ entity_id: string; linked: boolean }>(
      "select entity_id, link_no is not null as linked from audit_log where entity_id in ('hh-310', 'hh-311')",
    );
    expect(rows.rows).toEqual([{ entity_id: "hh-311", linked: true }]);
  });

  it("chains entries in the order they committed, which need not be their seq's", async () => {
    const early = await ldb.pool.connect();
    try {
      await early.query("begin");
      await appendAuditEntries(early, [entry(320)]);
      await createAuditWriter(ldb.pool).append([entry(321)]);
      await auditLinker(ldb.pool).settled();
      await early.query("commit");
    } finally {
      early.release();
    }
    expect(await linkAuditEntries(ldb.pool)).toBe(1);
    const rows = await ldb.pool.query<{ entity_id: string; seq: number; link_no: number }>(
      "select entity_id, seq, link_no from audit_log where entity_id in ('hh-320', 'hh-321') order by link_no",
    );
    expect(rows.rows.map((r) => r.entity_id)).toEqual(["hh-321", "hh-320"]);
    expect(rows.rows[0]!.seq).toBeGreaterThan(rows.rows[1]!.seq);
    expect(await verifyAuditChain(ldb.pool)).toMatchObject({ ok: true });
  });

  it("links in batches: a backlog longer than one batch, linked by two linkers at once, keeps one chain", async () => {
    await inTransaction(ldb.pool, async (holder) => {
      await holder.query("select pg_advisory_xact_lock($1)", [AUDIT_LOCK_KEY.toString()]);
      await createAuditWriter(ldb.pool).append(Array.from({ length: 25 }, (_, i) => entry(400 + i)));
    });
    const linked = await Promise.all([linkAuditEntries(ldb.pool, 4), linkAuditEntries(ldb.pool, 7)]);
    await auditLinker(ldb.pool).settled();
    expect(linked[0] + linked[1]).toBeLessThanOrEqual(25);
    expect((await auditLinkLag(ldb.pool, new Date())).unlinked).toBe(0);
    const gaps = await ldb.pool.query<{ n: number; max: number }>(
      "select count(*)::int as n, max(link_no)::int as max from audit_log",
    );
    expect(gaps.rows[0]?.max).toBe(gaps.rows[0]?.n);
    expect(await verifyAuditChain(ldb.pool)).toMatchObject({ ok: true, entries: gaps.rows[0]?.n });
  });

  it("links at a gateway's start what a process left unlinked when it ended between its commit and its link", async () => {
    const orphans = await createTestDatabase();
    try {
      // Inserted as a writer inserts them, with no linker nudged: the process ended right after its commit.
      await orphans.pool.query("select fupin_audit_append($1::jsonb)", [
        appendArgument([entry(500), entry(501)]),
      ]);
      const pending = async () => (await auditLinkLag(orphans.pool, new Date())).unlinked;
      expect(await pending()).toBe(2);
      const gateway = await createGateway({
        config: {
          host: "127.0.0.1",
          port: 0,
          logLevel: "silent",
          databaseUrl: orphans.url,
          rateLimitPerMinute: 1000,
          authFailuresPerMinute: 1000,
          maxBodyBytes: 1024 * 1024,
          exposeSqlCount: false,
        },
        logger: createLogger("silent"),
      });
      try {
        await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 10_000, interval: 50 });
      } finally {
        await gateway.close();
      }
      expect(await verifyAuditChain(orphans.pool)).toEqual({ ok: true, entries: 2 });
    } finally {
      await orphans.close();
    }
  });

  it("keeps a chain written before entries were linked after commit: it verifies, and grows", async () => {
    const old = await createTestDatabase({ migrate: false });
    try {
      await old.orm.getMigrator().up({ to: "Migration20261203120000" });
      const entries = [entry(1), entry(2), entry(3)];
      // The former append took the chain's lock and hashed the body the gateway sent.
      const argument = JSON.stringify(
        entries.map((e) => ({ ...JSON.parse(appendArgument([e]))[0], body: auditEntryBody(e) })),
      );
      await old.pool.query("select fupin_audit_append($1::jsonb)", [argument]);
      await old.orm.getMigrator().up();
      const placed = await old.pool.query<{ seq: number; link_no: number }>(
        "select seq, link_no from audit_log order by seq",
      );
      expect(placed.rows.map((r) => r.link_no)).toEqual(placed.rows.map((r) => r.seq));
      expect(await verifyAuditChain(old.pool)).toEqual({ ok: true, entries: 3 });
      await createAuditWriter(old.pool).append([entry(4)]);
      expect(await verifyAuditChain(old.pool)).toEqual({ ok: true, entries: 4 });
    } finally {
      await old.close();
    }
  });
});
