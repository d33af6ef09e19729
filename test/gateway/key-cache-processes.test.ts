// Keys kept in each gateway process's memory and the rate limit leased in blocks, across two real
// gateway processes over one database: a revocation made anywhere holds on both from the next
// request on (a read, a request that runs no SQL, a mutation), and the limit holds for both together.
import type { ChildProcess } from "node:child_process";
import { revokeApiKey } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { startSecondProcess } from "../support/second-process.js";

/** A limit high enough that each process leases 10 requests at once (a 64th of it). */
const LIMIT = 640;
/** Refused writes allowed per key and hour (read in the statement that rechecks a cached key). */
const FAILED_WRITES = 3;

let first: TestGateway;
let second: { child: ChildProcess; url: string };
let householdId: string;

beforeAll(async () => {
  first = await startTestGateway({
    seedHouseholds: 3,
    http: true,
    config: { rateLimitPerMinute: LIMIT, authFailuresPerMinute: 10_000, failedWritesPerHour: FAILED_WRITES },
  });
  second = await startSecondProcess(first.db.url, LIMIT);
  const r = await first.db.pool.query<{ id: string }>("select id from household order by id limit 1");
  householdId = r.rows[0]!.id;
});

afterAll(async () => {
  second?.child.kill("SIGTERM");
  await first?.close();
});

const READ = `{ households(regionCode: "360723", first: 2) { totalCount nodes { recordId } } }`;
const NO_SQL = "{ __typename }";
const write = () =>
  `mutation { recordSubsidy(input: { householdId: "${householdId}", kind: subsidy, amountFen: 100, date: "2025-06-01", purpose: "after revocation" }) { recordId } }`;

async function post(gateway: "first" | "second", key: string, query: string) {
  const res = await fetch(gateway === "first" ? first.url : second.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, text: await res.text() };
}

describe("API keys kept in memory by each gateway process", () => {
  it.each([
    ["a read (the recheck rides in its statement)", READ],
    ["a request that runs no SQL (rechecked before it is answered)", NO_SQL],
    ["a mutation (rechecked before it runs)", "write"],
  ])("a key revoked elsewhere is refused by both processes at once: %s", async (_, query) => {
    const key = await first.keys.create("360723", ["ledger:read", "ledger:write"]);
    for (const gateway of ["first", "second", "first", "second"] as const)
      expect((await post(gateway, key, READ)).status).toBe(200);
    await revokeApiKey(first.db.pool, /^fpk_([0-9a-f]+)_/.exec(key)![1]!);
    const text = query === "write" ? write() : query;
    for (const gateway of ["second", "first"] as const) {
      const res = await post(gateway, key, text);
      expect(res.status, `${gateway}: ${res.text}`).toBe(401);
      const body = JSON.parse(res.text) as {
        data?: unknown;
        errors: { message: string; extensions: unknown }[];
      };
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        { message: "this API key has been revoked", extensions: { code: "UNAUTHENTICATED" } },
      ]);
    }
    const written = await first.db.pool.query(
      "select 1 from subsidy where purpose = 'after revocation' union all select 1 from audit_log where principal_id = $1 and action = 'create'",
      [`key:${/^fpk_([0-9a-f]+)_/.exec(key)![1]!}`],
    );
    expect(written.rowCount).toBe(0);
  });

  it("a cached key with another secret is refused as an unknown key, not as revoked or valid", async () => {
    const key = await first.keys.create("360723", ["ledger:read"]);
    expect((await post("second", key, READ)).status).toBe(200);
    const wrong = `${key.slice(0, key.lastIndexOf("_") + 1)}${"x".repeat(32)}`;
    const res = await post("second", wrong, READ);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].message).toBe("invalid API key");
    expect((await post("second", key, READ)).status).toBe(200);
  });

  it("records every personal read and every write of a cached key in the audit log", async () => {
    const key = await first.keys.create("360723", ["ledger:read", "personal:read", "ledger:write"]);
    const id = `key:${/^fpk_([0-9a-f]+)_/.exec(key)![1]!}`;
    const personal = `{ households(regionCode: "360723", first: 1) { nodes { phone members { idNumber } } } }`;
    for (const gateway of ["first", "second", "first", "second"] as const) {
      const read = await post(gateway, key, personal);
      expect(read.status).toBe(200);
      expect(read.text).not.toContain('"errors"');
      const res = await post(gateway, key, write().replace("after revocation", "cached key"));
      expect(res.text).toContain('"recordId"');
    }
    const rows = await first.db.pool.query<{ action: string; n: number }>(
      "select action, count(*)::int as n from audit_log where principal_id = $1 group by action order by action",
      [id],
    );
    expect(rows.rows).toEqual([
      { action: "create", n: 4 },
      { action: "read_personal", n: 4 },
    ]);
  });
});

describe("refused writes of a cached key", () => {
  it("past the limit, its writes are refused even when they would succeed, on both processes", async () => {
    const key = await first.keys.create("360723", ["ledger:read", "ledger:write"]);
    for (const gateway of ["first", "second"] as const)
      expect((await post(gateway, key, READ)).status).toBe(200);
    const missing = write().replace(householdId, "no-such-household");
    for (let i = 0; i < FAILED_WRITES; i++) {
      const res = await post("first", key, missing);
      expect(JSON.parse(res.text).errors[0].extensions.code).toBe("NOT_FOUND");
    }
    const res = await post("first", key, write());
    expect(JSON.parse(res.text).errors[0].extensions.code, res.text).toBe("RATE_LIMITED");
  });
});

describe("the rate limit leased in blocks by each process", () => {
  it("admits at most the limit for both processes together, and nearly all of it", async () => {
    const key = await first.keys.create("360723", ["ledger:read"]);
    const statuses = new Map<number, number>();
    for (let i = 0; i < LIMIT + 60; i++) {
      const { status } = await post(i % 2 === 0 ? "first" : "second", key, NO_SQL);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const admitted = statuses.get(200) ?? 0;
    expect(admitted).toBeLessThanOrEqual(LIMIT);
    // A process may refuse while the other still holds unspent requests: at most one block (10).
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - 10);
    expect(statuses.get(429)).toBe(LIMIT + 60 - admitted);
  });
});
