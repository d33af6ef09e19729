import { createAuditWriter, MIGRATIONS } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_LOCK_KEY, auditLinker } from "../../packages/gateway/src/audit/audit-linker.js";
import { inTransaction } from "../../packages/gateway/src/db/pool.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const QUERY = `query CountHouseholds($r: String!) { households(regionCode: $r, first: 1) { totalCount } }`;

let gw: TestGateway;
let limited: TestGateway;
beforeAll(async () => {
  [gw, limited] = await Promise.all([
    startTestGateway({ http: true, seedHouseholds: 30, captureLogs: true, config: { maxBodyBytes: 4096 } }),
    startTestGateway({
      http: true,
      seedHouseholds: 0,
      config: { rateLimitPerMinute: 3, authFailuresPerMinute: 2 },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([gw?.close(), limited?.close()]);
});

describe("health and readiness", () => {
  it("/health is 200 {status: ok}", async () => {
    const res = await gw.fetch("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/ready is 200 when the database answers and every migration is applied", async () => {
    const res = await gw.fetch("/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("/ready is 503 naming the migration that is missing", async () => {
    const rows = await limited.db.pool.query<{ id: number; name: string }>(
      "select id, name from mikro_orm_migrations",
    );
    await limited.db.pool.query("delete from mikro_orm_migrations");
    try {
      const res = await limited.fetch("/ready");
      expect(res.status).toBe(503);
      const body = (await res.json()) as { problems: string[] };
      expect(body.problems.join(" ")).toContain(
        `migrations not applied: ${MIGRATIONS.map((m) => m.name).join(", ")}`,
      );
    } finally {
      for (const r of rows.rows) {
        await limited.db.pool.query("insert into mikro_orm_migrations (id, name) values ($1, $2)", [
          r.id,
          r.name,
        ]);
      }
    }
    expect((await limited.fetch("/ready")).status).toBe(200);
  });

  it("unknown paths are 404 with a hint", async () => {
    const res = await gw.fetch("/nope");
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain("/graphql");
  });
});

describe("request ids and logs", () => {
  it("echoes a given x-request-id and generates one otherwise", async () => {
    const given = await gw.graphql(QUERY, { r: "360723" }, { headers: { "x-request-id": "platform-abc.1" } });
    expect(given.headers.get("x-request-id")).toBe("platform-abc.1");
    const generated = await gw.graphql(QUERY, { r: "360723" });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await gw.graphql(
      QUERY,
      { r: "360723" },
      { headers: { "x-request-id": "no spaces allowed" } },
    );
    expect(bad.headers.get("x-request-id")).not.toBe("no spaces allowed");
  });

  it("logs one JSON line per request with the request id, operation and principal, never the variables", async () => {
    const sentinel = "360723100201";
    await gw.graphql(QUERY, { r: sentinel }, { headers: { "x-request-id": "log-check-1" } });
    const lines = gw.logs.filter((l) => l.requestId === "log-check-1");
    expect(lines.length).toBeGreaterThan(0);
    const request = lines.find((l) => l.msg === "request");
    expect(request).toMatchObject({
      requestId: "log-check-1",
      operation: "CountHouseholds",
      status: 200,
      path: "/graphql",
    });
    expect(String(request?.principalId)).toMatch(/^key:/);
    expect(JSON.stringify(gw.logs)).not.toContain(sentinel);
    expect(JSON.stringify(gw.logs)).not.toContain(gw.keys.county);
  });

  it("reports the SQL statements of a request in x-sql-statements", async () => {
    const res = await gw.graphql(QUERY, { r: "360723" });
    expect(Number(res.headers.get("x-sql-statements"))).toBeGreaterThan(0);
  });
});

describe("metrics", () => {
  it("/metrics counts requests by operation and status, errors, and latency", async () => {
    await gw.graphql(QUERY, { r: "360723" });
    await gw.graphql(QUERY, { r: "360723" }, { key: null });
    await gw.graphql("{ nope }");
    const res = await gw.fetch("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/fupin_http_requests_total\{operation="CountHouseholds",status="200"\} \d+/);
    expect(text).toMatch(/fupin_http_requests_total\{operation="unauthenticated",status="401"\} \d+/);
    expect(text).toMatch(/fupin_errors_total\{operation="[^"]*",code="GRAPHQL_VALIDATION_FAILED"\} \d+/);
    expect(text).toMatch(
      /fupin_http_request_duration_seconds_bucket\{le="0.1",operation="CountHouseholds"\} \d+/,
    );
  });
});

describe("the audit chain's lag on /metrics", () => {
  it("shows entries committed but not yet linked, and the oldest one's age; none once linked", async () => {
    const gauges = async () => {
      const text = await (await gw.fetch("/metrics")).text();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
      return {
        unlinked: value("fupin_audit_entries_unlinked"),
        oldest: value("fupin_audit_oldest_unlinked_seconds"),
      };
    };
    await auditLinker(gw.db.pool).settled();
    expect(await gauges()).toEqual({ unlinked: 0, oldest: 0 });
    await inTransaction(gw.db.pool, async (holder) => {
      await holder.query("select pg_advisory_xact_lock($1)", [AUDIT_LOCK_KEY.toString()]);
      await createAuditWriter(gw.db.pool).append([
        {
          principalId: "key:lag",
          action: "update",
          entityType: "household",
          entityId: "lag",
          countyCode: "360723",
          before: null,
          after: { n: 1 },
          requestId: "lag-1",
          at: new Date(Date.now() - 120_000),
        },
      ]);
      const held = await gauges();
      expect(held.unlinked).toBe(1);
      expect(held.oldest).toBeGreaterThanOrEqual(120);
    });
    await auditLinker(gw.db.pool).settled();
    expect(await gauges()).toEqual({ unlinked: 0, oldest: 0 });
  });
});

describe("limits", () => {
  it("a body over MAX_BODY_BYTES is 413 with a clear message", async () => {
    const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(8000) } });
    const res = await gw.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.keys.county}` },
      body: big,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.errors[0]?.message).toBe("request body too large: the limit is 4096 bytes");
  });

  it("a body sent without content-length is cut off at the limit too", async () => {
    const chunks = [
      new TextEncoder().encode(`{"query":"{ __typename }","pad":"`),
      new Uint8Array(6000).fill(120),
    ];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(ch);
        c.close();
      },
    });
    const res = await gw.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.keys.county}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a small body sent without content-length (chunked) is served", async () => {
    const text = JSON.stringify({ query: "query Small { __typename }" });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(text.slice(0, 10)));
        c.enqueue(new TextEncoder().encode(text.slice(10)));
        c.close();
      },
    });
    const res = await gw.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.keys.county}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("failed authentications from one address are limited too (slows key guessing), valid keys still pass", async () => {
    const guesses: number[] = [];
    for (let i = 0; i < 3; i++) {
      guesses.push(
        (
          await limited.graphql("{ __typename }", undefined, {
            key: `fpk_00000000000${i}_guessguessguessguess`,
          })
        ).status,
      );
    }
    expect(guesses).toEqual([401, 401, 429]);
    const valid = await limited.keys.create("360723", ["ledger:read"]);
    expect((await limited.graphql("{ __typename }", undefined, { key: valid })).status).toBe(200);
  });

  it("the per-principal rate limit answers 429 with Retry-After, and other principals are not affected", async () => {
    const key = await limited.keys.create("360723", ["ledger:read"]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await limited.graphql("{ __typename }", undefined, { key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await limited.graphql("{ __typename }", undefined, { key });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const counts = await limited.db.pool.query<{ points: number }>("select points from rate_limit");
    expect(counts.rows.some((r) => r.points >= 4)).toBe(true);
    const other = await limited.keys.create("360723", ["ledger:read"]);
    expect((await limited.graphql("{ __typename }", undefined, { key: other })).status).toBe(200);
  });
});

describe("unexpected errors", () => {
  it("are masked for the client and logged with the request id, without values", async () => {
    const broken = await startTestGateway({ seedHouseholds: 5, captureLogs: true });
    try {
      await broken.db.pool.query("alter table household rename to household_gone");
      const res = await broken.graphql(QUERY, { r: "360723" }, { headers: { "x-request-id": "masked-1" } });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]?.message).toBe("Unexpected error.");
      expect(res.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(res.body)).not.toMatch(/relation|does not exist|42P01/);
      const logged = broken.logs.find((l) => l.msg === "unexpected error masked");
      expect(logged).toMatchObject({ requestId: "masked-1", err: { type: "DatabaseError", code: "42P01" } });
      expect(broken.logs.every((l) => typeof l.requestId === "string")).toBe(true);
    } finally {
      await broken.db.pool.query("alter table household_gone rename to household").catch(() => undefined);
      await broken.close();
    }
  });

  it("outside the execution are logged once with the request id: the key lookup and its recheck", async () => {
    // No HTTP server, so no direct path: yoga serves these, and masks what it catches without the request.
    const broken = await startTestGateway({ seedHouseholds: 5, captureLogs: true });
    try {
      const cached = await broken.keys.create("360723", ["ledger:read"]);
      expect((await broken.graphql("{ __typename }", undefined, { key: cached })).status).toBe(200);
      const fresh = await broken.keys.create("360723", ["ledger:read"]);
      await broken.db.pool.query("alter table api_key rename to api_key_gone");
      // A key not yet cached is looked up before GraphQL parses anything.
      const before = await broken.graphql("{ __typename }", undefined, {
        key: fresh,
        headers: { "x-request-id": "outside-1" },
      });
      expect(before.body.errors?.[0]?.message).toBe("Unexpected error.");
      // A cached key is read again before the answer goes out (no statement ran to carry it).
      const recheck = await broken.graphql("{ __typename }", undefined, {
        key: cached,
        headers: { "x-request-id": "outside-2" },
      });
      const lines = broken.logs.filter((l) => l.msg === "unexpected error masked");
      expect(recheck.body.errors?.[0]?.message).toBe("Unexpected error.");
      expect(lines.map((l) => l.requestId)).toEqual(["outside-1", "outside-2"]);
      for (const l of lines) expect(l).toMatchObject({ err: { type: "DatabaseError", code: "42P01" } });
      expect(JSON.stringify(broken.logs)).not.toMatch(/does not exist/);
    } finally {
      await broken.db.pool.query("alter table api_key_gone rename to api_key").catch(() => undefined);
      await broken.close();
    }
  });

  it("/ready is 503 when the database does not answer", async () => {
    const down = await startTestGateway({ seedHouseholds: 0 });
    try {
      await down.db.pool.end();
      const res = await down.fetch("/ready");
      expect(res.status).toBe(503);
      expect(JSON.stringify(await res.json())).toContain("database unreachable");
      expect((await down.fetch("/health")).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});
