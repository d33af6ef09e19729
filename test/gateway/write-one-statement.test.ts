// A ledger write made in one statement (graphql/write/one-statement.ts): the mutation's reads, then
// one statement that locks what was read again, checks it unchanged, checks the key and the limit of
// refused writes, and makes the writes with their audit entries and the ledger-version bump. Each
// protection is shown to hold when something changes between the read and the write.
import { randomUUID } from "node:crypto";
import type { Subsidy } from "@fupin/domain";
import {
  createApiKey,
  createApiKeyVerifier,
  createAuditWriter,
  createLogger,
  PERMISSIONS,
  revokeApiKey,
  verifyAuditChain,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyRecheck } from "../../packages/gateway/src/auth/key-recheck.js";
import type { Principal } from "../../packages/gateway/src/auth/principal.js";
import type { GatewayContext } from "../../packages/gateway/src/context.js";
import { createSqlExecutor } from "../../packages/gateway/src/db/pool.js";
import { createFailedWriteLimit } from "../../packages/gateway/src/graphql/write/failed-writes.js";
import { writeLedger } from "../../packages/gateway/src/graphql/write/transaction.js";
import { fundTable } from "../../packages/gateway/src/ledger/funds/fund.table.js";
import { householdTable } from "../../packages/gateway/src/ledger/households/household.table.js";
import { industryTable } from "../../packages/gateway/src/ledger/industries/industry.table.js";
import type { LedgerWriter } from "../../packages/gateway/src/ledger/ledger-writer.js";
import { regionTable } from "../../packages/gateway/src/ledger/regions/region.table.js";
import { subsidyTable } from "../../packages/gateway/src/ledger/support/subsidy.table.js";
import { startTestGateway, TEST_COUNTY, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
let householdId: string;
let villages: string[];

beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: 3 });
  const h = await gw.db.pool.query<{ id: string }>("select id from household order by id limit 1");
  householdId = h.rows[0]!.id;
  const v = await gw.db.pool.query<{ code: string }>(
    "select code from region where level = 'village' order by code limit 2",
  );
  villages = v.rows.map((r) => r.code);
});

afterAll(async () => {
  await gw?.close();
});

const RECORD = `mutation($input: SubsidyInput!) { recordSubsidy(input: $input) { recordId householdId amountFen } }`;

async function count(sql: string, params: unknown[]): Promise<number> {
  const r = await gw.db.pool.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params);
  return r.rows[0]!.n;
}

async function ledgerVersion(): Promise<number> {
  const r = await gw.db.pool.query<{ v: number }>(
    "select sum(version)::int as v from ledger_version where county_code = $1",
    [TEST_COUNTY],
  );
  return r.rows[0]?.v ?? 0;
}

describe("recordSubsidy over HTTP", () => {
  it("costs one statement with a remembered key: the household's read, the write and its audit entry", async () => {
    const key = await gw.keys.create(TEST_COUNTY, ["ledger:read", "ledger:write"]);
    const read = await gw.graphql(
      `{ households(regionCode: "${TEST_COUNTY}", first: 1) { totalCount } }`,
      {},
      { key },
    );
    expect(read.body.errors).toBeUndefined();
    const versionBefore = await ledgerVersion();
    const input = {
      householdId,
      kind: "subsidy",
      amountFen: 4321,
      date: "2025-06-01",
      purpose: "one statement",
    };
    const res = await gw.graphql<{ recordSubsidy: { recordId: string } }>(RECORD, { input }, { key });
    expect(res.body.errors).toBeUndefined();
    expect(Number(res.headers.get("x-sql-statements"))).toBe(1);
    const id = res.body.data!.recordSubsidy.recordId;
    expect(await count("select 1 from subsidy where id = $1 and amount_fen = 4321", [id])).toBe(1);
    expect(
      await count(
        "select 1 from audit_log where entity_type = 'subsidy' and entity_id = $1 and action = 'create'",
        [id],
      ),
    ).toBe(1);
    // Linked into the chain after the statement committed, by this process's linker.
    await vi.waitFor(
      async () =>
        expect(
          await count("select 1 from audit_log where entity_id = $1 and link_no is not null", [id]),
        ).toBe(1),
      { timeout: 10_000, interval: 50 },
    );
    expect(await ledgerVersion()).toBe(versionBefore + 1);
    expect((await verifyAuditChain(gw.db.pool)).ok).toBe(true);
  });

  it("refuses a duplicate id with the ledger's code, writes nothing and counts a refused write", async () => {
    const key = await gw.keys.create(TEST_COUNTY, ["ledger:read", "ledger:write", "personal:read"]);
    const input = { householdId, kind: "subsidy", amountFen: 100, date: "2025-06-01", purpose: "twice" };
    const first = await gw.graphql<{ recordSubsidy: { recordId: string } }>(RECORD, { input }, { key });
    const id = first.body.data!.recordSubsidy.recordId;
    const auditBefore = await count("select 1 from audit_log", []);
    const again = await gw.graphql(RECORD, { input: { ...input, id, amountFen: 200 } }, { key });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("LEDGER.DUPLICATE_ID");
    expect(await count("select 1 from subsidy where id = $1 and amount_fen = 100", [id])).toBe(1);
    // The refusal across scopes is audited (refuse_write), the write itself is not.
    expect(await count("select 1 from audit_log where action = 'create' and entity_id = $1", [id])).toBe(1);
    expect(await count("select 1 from audit_log", [])).toBe(auditBefore + 1);
    const principal = `key:${/^fpk_([0-9a-f]+)_/.exec(key)![1]}`;
    const failed = await gw.db.pool.query<{ points: number }>(
      "select points from rate_limit where key = $1",
      [`writefail:${principal}`],
    );
    expect(failed.rows[0]?.points).toBe(1);
  });
});

/** A request context on the test database for calling writeLedger directly. */
function context(principal: Principal, failedWritesPerHour = 100): GatewayContext {
  const pool = gw.db.pool;
  const recheck = keyRecheck(principal);
  return {
    requestId: randomUUID(),
    principal,
    logger: createLogger("silent"),
    now: () => new Date(),
    services: {
      sql: createSqlExecutor(pool, recheck ? { recheck } : {}),
      audit: createAuditWriter(pool),
      failedWrites: createFailedWriteLimit(pool, failedWritesPerHour),
    },
  } as unknown as GatewayContext;
}

function subsidy(purpose: string): Subsidy {
  return {
    id: randomUUID(),
    householdId,
    date: "2025-06-01",
    kind: "subsidy",
    amountFen: 500,
    industryId: null,
    fundId: null,
    purpose,
  };
}

/** A principal of a key remembered by a verifier, so that its key is still to be read again. */
async function rememberedKey(): Promise<{ principal: Principal; id: string }> {
  const created = await createApiKey(gw.db.pool, { regionCode: TEST_COUNTY, permissions: [...PERMISSIONS] });
  const verifier = createApiKeyVerifier(gw.db.pool, { cacheKeys: true });
  await verifier.verify(created.key);
  const principal = await verifier.verify(created.key);
  expect(keyRecheck(principal)?.pending).toBe(true);
  return { principal, id: created.id };
}

describe("writeLedger when something changes between the read and the write", () => {
  it("a household moved in between: the write is made again in a transaction, under its new village", async () => {
    const { principal } = await rememberedKey();
    const s = subsidy("moved in between");
    const before = await gw.db.pool.query<{ region_code: string }>(
      "select region_code from household where id = $1",
      [householdId],
    );
    const other = villages.find((v) => v !== before.rows[0]!.region_code)!;
    let reads = 0;
    const filed = await writeLedger(context(principal), async (w) => {
      const household = await w.lock(householdTable, householdId);
      if (++reads === 1)
        await gw.db.pool.query("update household set region_code = $1 where id = $2", [other, householdId]);
      await w.insert(subsidyTable, s, household.regionCode);
      return household.regionCode;
    });
    expect(reads).toBe(2);
    expect(filed).toBe(other);
    expect(await count("select 1 from subsidy where id = $1 and region_code = $2", [s.id, other])).toBe(1);
    expect(await count("select 1 from audit_log where entity_id = $1", [s.id])).toBe(1);
    await gw.db.pool.query("update household set region_code = $1 where id = $2", [
      before.rows[0]!.region_code,
      householdId,
    ]);
  });

  it("a key revoked in between: refused as revoked, nothing written", async () => {
    const { principal, id } = await rememberedKey();
    const s = subsidy("revoked in between");
    const write = writeLedger(context(principal), async (w) => {
      const household = await w.lock(householdTable, householdId);
      await revokeApiKey(gw.db.pool, id);
      await w.insert(subsidyTable, s, household.regionCode);
    });
    await expect(write).rejects.toMatchObject({ code: "AUTH.REVOKED_KEY" });
    expect(await count("select 1 from subsidy where id = $1", [s.id])).toBe(0);
    expect(await count("select 1 from audit_log where entity_id = $1", [s.id])).toBe(0);
  });

  it("the limit of refused writes reached in between (by another process): RATE_LIMITED, nothing written", async () => {
    const { principal } = await rememberedKey();
    const ctx = context(principal, 1);
    const s = subsidy("limited in between");
    const write = writeLedger(ctx, async (w) => {
      const household = await w.lock(householdTable, householdId);
      await createFailedWriteLimit(gw.db.pool, 1).count(principal.id);
      await w.insert(subsidyTable, s, household.regionCode);
    });
    await expect(write).rejects.toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    expect(await count("select 1 from subsidy where id = $1", [s.id])).toBe(0);
  });

  it("a mutation that reads rows by their fields runs in a transaction", async () => {
    const { principal } = await rememberedKey();
    const ctx = context(principal);
    const s = subsidy("found first");
    await writeLedger(ctx, async (w) => {
      const household = await w.lock(householdTable, householdId);
      await w.find(subsidyTable, { householdId }, "caller");
      await w.insert(subsidyTable, s, household.regionCode);
    });
    // BEGIN, the lock, the find, the insert, the audit append and COMMIT, after the dropped read.
    expect(ctx.services.sql.statementCount).toBeGreaterThan(2);
    expect(await count("select 1 from audit_log where entity_id = $1", [s.id])).toBe(1);
  });
});

/** Files a subsidy under its household with the references recordSubsidy checks; `inTransaction` forces a transaction (a read by fields first). */
function fileSubsidy(s: Subsidy, inTransaction: boolean) {
  return async (w: LedgerWriter) => {
    if (inTransaction) await w.find(regionTable, { code: TEST_COUNTY }, "all");
    await w.insertUnder(subsidyTable, s, { table: householdTable, id: s.householdId }, [
      { table: fundTable, id: s.fundId, field: "input.fundId" },
      { table: industryTable, id: s.industryId, field: "input.industryId" },
    ]);
  };
}

/** The refusal of a write, as a client sees it. */
async function refusal(write: Promise<unknown>): Promise<{ message: string; extensions: unknown }> {
  const e = (await write.then(
    () => null,
    (error: unknown) => error,
  )) as { message: string; extensions: unknown } | null;
  expect(e).not.toBeNull();
  return { message: e!.message, extensions: e!.extensions };
}

describe("insertUnder in one statement", () => {
  it("files the record under the household's village, in one statement with its audit entry", async () => {
    const { principal } = await rememberedKey();
    const ctx = context(principal);
    const s = subsidy("filed under");
    const versionBefore = await ledgerVersion();
    await writeLedger(ctx, fileSubsidy(s, false));
    expect(ctx.services.sql.statementCount).toBe(1);
    const filed = await count(
      "select 1 from subsidy s join household h on h.id = s.household_id where s.id = $1 and s.region_code = h.region_code and s.county_code = h.county_code",
      [s.id],
    );
    expect(filed).toBe(1);
    expect(
      await count("select 1 from audit_log where entity_id = $1 and county_code = $2", [s.id, TEST_COUNTY]),
    ).toBe(1);
    expect(await ledgerVersion()).toBe(versionBefore + 1);
    expect((await verifyAuditChain(gw.db.pool)).ok).toBe(true);
  });

  it.each([
    ["a household that does not exist", { householdId: "no-such-household" }, "NOT_FOUND"],
    ["an unknown fund", { fundId: "no-such-fund" }, "LEDGER.UNKNOWN_REFERENCE"],
    ["an unknown industry", { industryId: "no-such-industry" }, "LEDGER.UNKNOWN_REFERENCE"],
  ])(
    "refuses %s with the code and message of a transaction, writes nothing and counts it",
    async (_, change, code) => {
      const { principal } = await rememberedKey();
      const oneStatement = subsidy("refused");
      const inTransaction = subsidy("refused");
      const [a, b] = [
        await refusal(writeLedger(context(principal), fileSubsidy({ ...oneStatement, ...change }, false))),
        await refusal(writeLedger(context(principal), fileSubsidy({ ...inTransaction, ...change }, true))),
      ];
      expect(a.extensions).toMatchObject({ code });
      expect(a).toEqual(b);
      if (code === "LEDGER.UNKNOWN_REFERENCE") expect(a.message).toContain(`in county ${TEST_COUNTY}`);
      for (const s of [oneStatement, inTransaction]) {
        expect(await count("select 1 from subsidy where id = $1", [s.id])).toBe(0);
        expect(await count("select 1 from audit_log where entity_id = $1", [s.id])).toBe(0);
      }
      const failed = await gw.db.pool.query<{ points: number }>(
        "select points from rate_limit where key = $1",
        [`writefail:${principal.id}`],
      );
      expect(failed.rows[0]?.points).toBe(2);
    },
  );

  it("refuses a household outside the caller's village as NOT_FOUND, as one that does not exist", async () => {
    const h = await gw.db.pool.query<{ region_code: string }>(
      "select region_code from household where id = $1",
      [householdId],
    );
    const elsewhere = villages.find((v) => v !== h.rows[0]!.region_code)!;
    const key = await gw.keys.create(elsewhere, ["ledger:read", "ledger:write"]);
    const input = { householdId, kind: "subsidy", amountFen: 1, date: "2025-06-01", purpose: "outside" };
    const outside = await gw.graphql(RECORD, { input }, { key });
    const missing = await gw.graphql(
      RECORD,
      { input: { ...input, householdId: "no-such-household" } },
      { key },
    );
    expect(outside.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(outside.body.errors?.[0]?.message).toBe(`household ${householdId} not found in your scope`);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await count("select 1 from subsidy where purpose = 'outside'", [])).toBe(0);
  });

  it("keeps one audit chain and one version bump per write under concurrent writes on separate connections", async () => {
    const key = await gw.keys.create(TEST_COUNTY, ["ledger:read", "ledger:write"]);
    const versionBefore = await ledgerVersion();
    const writes = Array.from({ length: 12 }, (_, i) =>
      gw.graphql<{ recordSubsidy: { recordId: string } }>(
        RECORD,
        {
          input: {
            householdId,
            kind: "award",
            amountFen: 1000 + i,
            date: "2025-06-01",
            purpose: "concurrent",
          },
        },
        { key },
      ),
    );
    const done = await Promise.all(writes);
    expect(done.map((r) => r.body.errors)).toEqual(done.map(() => undefined));
    expect(await count("select 1 from subsidy where purpose = 'concurrent'", [])).toBe(12);
    expect(await ledgerVersion()).toBe(versionBefore + 12);
    expect(await verifyAuditChain(gw.db.pool)).toMatchObject({ ok: true });
  });

  it("files two records under one household at once, and keeps the household from changing until both commit", async () => {
    // The county's ledger-version rows, every stripe locked here, stop each write at its version bump,
    // after its household and its insert: what each one then waits for shows which locks it took on
    // the household on its way there.
    const key = await gw.keys.create(TEST_COUNTY, ["ledger:read", "ledger:write"]);
    const chain = await gw.db.pool.connect();
    const other = await gw.db.pool.connect();
    const input = (i: number) => ({
      householdId,
      kind: "subsidy",
      amountFen: 700 + i,
      date: "2025-06-01",
      purpose: "under one household at once",
    });
    // Who waits, for which kind of lock (transactionid or tuple: a row).
    const blockers = async (pattern: string) =>
      (
        await gw.db.pool.query<{ pid: number; lock: string; blockers: number[] }>(
          `select a.pid, l.locktype as lock, pg_blocking_pids(a.pid) as blockers
             from pg_stat_activity a join pg_locks l on l.pid = a.pid and not l.granted
            where a.query like $1 order by a.pid`,
          [pattern],
        )
      ).rows;
    const waitForWaiters = (pattern: string, n: number) =>
      vi.waitFor(
        async () => {
          const found = await blockers(pattern);
          expect(found).toHaveLength(n);
          return found;
        },
        { timeout: 5_000, interval: 25 },
      );
    try {
      await chain.query(
        "insert into ledger_version (county_code, stripe, version) select $1, s, 0 from generate_series(0, 63) s on conflict do nothing",
        [TEST_COUNTY],
      );
      await chain.query("begin");
      await chain.query("select 1 from ledger_version where county_code = $1 for update", [TEST_COUNTY]);
      const chainPid = (await chain.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
      const writes = [0, 1].map((i) => gw.graphql(RECORD, { input: input(i) }, { key }));
      const waiting = await waitForWaiters("%fupin_bump_ledger_version%", 2);
      // Both reached their bump: neither waits for the other's lock on the household, only for the
      // version rows held here.
      expect(waiting.map((w) => w.lock)).toEqual(["transactionid", "transactionid"]);
      expect(waiting.every((w) => w.blockers.length === 1 && w.blockers[0] === chainPid)).toBe(true);
      const change = other.query("update household set household_number = household_number where id = $1", [
        householdId,
      ]);
      const changing = await waitForWaiters("update household%", 1);
      expect(changing.map((c) => c.lock)).toEqual(["transactionid"]);
      // It waits for the writers' transactions one after the other (the members of a shared lock).
      expect(changing[0]!.blockers.length).toBeGreaterThan(0);
      expect(changing[0]!.blockers.every((pid) => waiting.some((w) => w.pid === pid))).toBe(true);
      await chain.query("commit");
      const done = await Promise.all(writes);
      expect(done.map((r) => r.body.errors)).toEqual([undefined, undefined]);
      await change;
    } finally {
      await chain.query("rollback").catch(() => undefined);
      chain.release();
      other.release();
    }
    expect(await count("select 1 from subsidy where purpose = 'under one household at once'", [])).toBe(2);
    expect(await verifyAuditChain(gw.db.pool)).toMatchObject({ ok: true });
  });

  it("lets writers of one county on two connections bump the ledger version without waiting for each other", async () => {
    // Each backend bumps its own row of the county's version (its stripe); one row per county made
    // the second writer wait for the first one's commit before it reached the audit chain.
    const clients = [await gw.db.pool.connect(), await gw.db.pool.connect()];
    const pidOf = async (c: (typeof clients)[number]) =>
      (await c.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    while ((await pidOf(clients[0]!)) % 64 === (await pidOf(clients[clients.length - 1]!)) % 64)
      clients.push(await gw.db.pool.connect());
    const [a, b] = [clients[0]!, clients[clients.length - 1]!];
    const other = await gw.db.pool.query<{ id: string }>("select id from household where id <> $1 limit 1", [
      householdId,
    ]);
    const versionBefore = await ledgerVersion();
    try {
      await a.query("begin");
      await a.query("select fupin_bump_ledger_version($1)", [TEST_COUNTY]);
      await b.query("begin");
      await b.query("set local lock_timeout = '1s'");
      // The row trigger's bump, as a write made in a transaction makes it.
      await b.query("update household set household_number = household_number where id = $1", [
        other.rows[0]!.id,
      ]);
      await b.query("commit");
      await a.query("commit");
    } finally {
      for (const c of clients) {
        await c.query("rollback").catch(() => undefined);
        c.release();
      }
    }
    expect(await ledgerVersion()).toBe(versionBefore + 2);
  });
});
