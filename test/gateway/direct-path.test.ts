// The direct path (plain JSON POSTs served without yoga's fetch layer) against yoga itself: two
// servers over one database, one with the direct path and one without, must give the same status,
// headers, body, log line and audit entries for every kind of request, and the direct path must have
// served the plain ones.
import {
  createGatewayServer,
  createLogger,
  type GatewayServer,
  type GatewayServerOptions,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway } from "../support/gateway.js";
import { COUNTY, householdId, TOWN_A } from "./graphql-fixture.js";
import { type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

const NOW = new Date("2024-12-15T00:00:00Z");

interface Sent {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/** Headers that must agree (the rest are the connection's or the request's own: date, keep-alive, request id). */
const COMPARED = [
  "content-type",
  "content-length",
  "retry-after",
  "www-authenticate",
  "allow",
  "x-sql-statements",
];

/** A second server over the harness's database, every request through yoga (no direct path). */
async function startYogaOnly(
  harness: GraphqlHarness,
  logger: GatewayServerOptions["logger"],
): Promise<{ server: GatewayServer; url: string }> {
  const server = createGatewayServer({
    config: harness.gateway.config,
    db: harness.gateway.db,
    logger,
    now: () => NOW,
    directPath: false,
  });
  return { server, url: await server.listen() };
}

let h: GraphqlHarness;
let yogaOnly: GatewayServer;
let yogaUrl: string;
const yogaLogs: Record<string, unknown>[] = [];
let keys: { personal: string; read: string; write: string; townA: string };

beforeAll(async () => {
  h = await startGraphqlHarness({}, { captureLogs: true });
  keys = {
    personal: await h.gateway.keys.create(COUNTY, ["ledger:read", "personal:read"]),
    read: await h.gateway.keys.create(COUNTY, ["ledger:read"]),
    write: await h.gateway.keys.create(COUNTY, ["ledger:read", "ledger:write"]),
    townA: await h.gateway.keys.create(TOWN_A, ["ledger:read", "personal:read"]),
  };
  ({ server: yogaOnly, url: yogaUrl } = await startYogaOnly(
    h,
    createLogger("info", { write: (line: string) => void yogaLogs.push(JSON.parse(line)) }),
  ));
}, 120_000);

afterAll(async () => {
  await yogaOnly?.close();
  await h?.close();
});

async function send(url: string, body: string, headers: Record<string, string>): Promise<Sent> {
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  const kept: Record<string, string> = {};
  for (const name of COMPARED) {
    const v = res.headers.get(name);
    if (v !== null) kept[name] = v;
  }
  return { status: res.status, headers: kept, text };
}

/** Sends one request to both servers; returns both answers and how many the direct path served. */
async function both(body: string, headers: Record<string, string>) {
  const before = (await h.gateway.server.metrics.directRequests.get()).values[0]?.value ?? 0;
  const direct = await send(h.gateway.url, body, headers);
  const after = (await h.gateway.server.metrics.directRequests.get()).values[0]?.value ?? 0;
  const yoga = await send(yogaUrl, body, headers);
  expect((await yogaOnly.metrics.directRequests.get()).values[0]?.value ?? 0).toBe(0);
  return { direct, yoga, servedDirectly: after - before };
}

const json = (o: unknown) => JSON.stringify(o);
const auth = (key: string) => ({ "content-type": "application/json", authorization: `Bearer ${key}` });
const MEMBERS = `query Bench { households(regionCode: "${COUNTY}", first: 10) { nodes { recordId householdNumber members { name idNumber relation } } } }`;

describe("the direct path answers as yoga does", () => {
  const plain: [string, () => [string, Record<string, string>]][] = [
    ["a read with masked personal data", () => [json({ query: MEMBERS }), auth(keys.read)]],
    ["a read of a township's households", () => [json({ query: MEMBERS }), auth(keys.townA)]],
    [
      "variables and an operation name",
      () => [
        json({
          query: `query A($r: String!, $n: Int) { households(regionCode: $r, first: $n) { totalCount nodes { recordId } } } query B { viewer { regionCode } }`,
          variables: { r: COUNTY, n: 3 },
          operationName: "A",
        }),
        auth(keys.read),
      ],
    ],
    [
      "a variable of the wrong type",
      () => [
        json({
          query: `query A($n: Int) { households(regionCode: "${COUNTY}", first: $n) { totalCount } }`,
          variables: { n: "ten" },
        }),
        auth(keys.read),
      ],
    ],
    ["a syntax error", () => [json({ query: "query { households(" }), auth(keys.read)]],
    ["an unknown field", () => [json({ query: "{ nothingHere }" }), auth(keys.read)]],
    [
      "a query too deep",
      () => [
        json({
          query: `{ households(regionCode: "${COUNTY}", first: 1) { nodes { ${"linkages { household { ".repeat(5)}recordId${" } }".repeat(5)} } } }`,
        }),
        auth(keys.read),
      ],
    ],
    [
      "an argument the guard refuses",
      () => [
        json({ query: `{ households(regionCode: "36x723", first: 1) { totalCount } }` }),
        auth(keys.read),
      ],
    ],
    [
      "a region outside the key's scope",
      () => [json({ query: MEMBERS.replace(`"${COUNTY}"`, '"360724"') }), auth(keys.townA)],
    ],
    ["no Authorization", () => [json({ query: MEMBERS }), { "content-type": "application/json" }]],
    ["an unknown key", () => [json({ query: MEMBERS }), auth("fpk_unknown.unknown")]],
    ["an unknown operation name", () => [json({ query: MEMBERS, operationName: "Nope" }), auth(keys.read)]],
    [
      "a mutation refused by the domain's schema",
      () => [
        json({
          query: `mutation { recordSubsidy(input: { householdId: "${householdId("A", 1)}", kind: subsidy, amountFen: -5, date: "2024-06-01", purpose: "x" }) { recordId } }`,
        }),
        auth(keys.write),
      ],
    ],
    [
      "a mutation naming a household that does not exist",
      () => [
        json({
          query: `mutation { recordSubsidy(input: { householdId: "no-such-household", kind: subsidy, amountFen: 500, date: "2024-06-01", purpose: "x" }) { recordId } }`,
        }),
        auth(keys.write),
      ],
    ],
    [
      "a mutation without the write permission",
      () => [
        json({
          query: `mutation { recordSubsidy(input: { householdId: "${householdId("A", 1)}", kind: subsidy, amountFen: 500, date: "2024-06-01", purpose: "x" }) { recordId } }`,
        }),
        auth(keys.read),
      ],
    ],
  ];
  for (const [name, make] of plain) {
    it(name, async () => {
      const [body, headers] = make();
      for (const accept of [
        undefined,
        "*/*",
        "application/json",
        "application/graphql-response+json",
        "application/graphql-response+json, application/json",
      ]) {
        const r = await both(body, accept ? { ...headers, accept } : headers);
        expect(r.servedDirectly).toBe(1);
        expect(r.direct).toEqual(r.yoga);
      }
    });
  }

  it("serves what it cannot take as yoga does: other media types, extensions, bad JSON, batches", async () => {
    const cases: [string, Record<string, string>][] = [
      [json({ query: MEMBERS }), { ...auth(keys.read), accept: "text/html, application/json;q=0.9" }],
      [json({ query: MEMBERS, extensions: { persistedQuery: { version: 1 } } }), auth(keys.read)],
      ["{not json", auth(keys.read)],
      [json([{ query: MEMBERS }]), auth(keys.read)],
      [json({ query: MEMBERS, unexpected: 1 }), auth(keys.read)],
      [json({ query: MEMBERS }), { ...auth(keys.read), origin: "http://console.example" }],
    ];
    for (const [body, headers] of cases) {
      const r = await both(body, headers);
      expect(r.servedDirectly).toBe(0);
      expect(r.direct).toEqual(r.yoga);
    }
  });

  it("audits an unmasked personal read once, as yoga does, and logs the same request line", async () => {
    const count = async () =>
      Number(
        (await h.pool.query("SELECT count(*) AS n FROM audit_log WHERE action = 'read_personal'")).rows[0].n,
      );
    const start = await count();
    const r = await both(json({ query: MEMBERS }), { ...auth(keys.personal), "x-request-id": "direct-1" });
    expect(r.servedDirectly).toBe(1);
    expect(r.direct).toEqual(r.yoga);
    expect(r.direct.text).not.toContain("*");
    expect(await count()).toBe(start + 2);
    const entries = await h.pool.query(
      "SELECT entity_id, after FROM audit_log WHERE action = 'read_personal' ORDER BY seq DESC LIMIT 2",
    );
    expect(entries.rows.map((e) => e.entity_id)).toEqual(["direct-1", "direct-1"]);
    expect(entries.rows[0].after).toEqual(entries.rows[1].after);
    const lineOf = (lines: Record<string, unknown>[]) => {
      const line = lines.filter((l) => l.requestId === "direct-1" && l.msg === "request").at(-1);
      const { time: _t, ms: _ms, pid: _p, hostname: _h, ...rest } = line ?? {};
      return rest;
    };
    expect(lineOf(h.gateway.logs)).toEqual(lineOf(yogaLogs));
    expect(lineOf(h.gateway.logs)).toMatchObject({
      status: 200,
      operation: "Bench",
      sqlStatements: expect.any(Number),
    });
  });

  it("records a write through either path, each with its audit entry", async () => {
    const body = json({
      query: `mutation W { recordSubsidy(input: { householdId: "${householdId("A", 2)}", kind: subsidy, amountFen: 1234, date: "2024-06-01", purpose: "direct" }) { householdId kind amountFen } }`,
    });
    const r = await both(body, auth(keys.write));
    expect(r.servedDirectly).toBe(1);
    expect(r.direct).toEqual(r.yoga);
    expect(JSON.parse(r.direct.text).data.recordSubsidy.amountFen).toBe(1234);
    const rows = await h.pool.query("SELECT count(*) AS n FROM subsidy WHERE purpose = 'direct'");
    expect(Number(rows.rows[0].n)).toBe(2);
  });
});

describe("the direct path refuses past the rate limit as yoga does", () => {
  let limited: GraphqlHarness;
  let limitedYoga: GatewayServer;
  let limitedYogaUrl: string;
  beforeAll(async () => {
    limited = await startGraphqlHarness({ rateLimitPerMinute: 2 });
    ({ server: limitedYoga, url: limitedYogaUrl } = await startYogaOnly(limited, createLogger("silent")));
  }, 120_000);
  afterAll(async () => {
    await limitedYoga?.close();
    await limited?.close();
  });

  it("answers 429 RATE_LIMITED with Retry-After on the third request of a minute", async () => {
    const answers: Sent[][] = [];
    for (const url of [limited.gateway.url, limitedYogaUrl]) {
      // Each server counts its own caller: a key of its own, so neither spends the other's budget.
      const key = await limited.gateway.keys.create(COUNTY, ["ledger:read"]);
      const sent: Sent[] = [];
      for (let i = 0; i < 3; i++) sent.push(await send(url, json({ query: MEMBERS }), auth(key)));
      answers.push(sent);
    }
    const [direct, yoga] = answers as [Sent[], Sent[]];
    expect(direct.map((s) => s.status)).toEqual([200, 200, 429]);
    const { "retry-after": directWait, ...directHeaders } = direct[2]!.headers;
    const { "retry-after": yogaWait, ...yogaHeaders } = yoga[2]!.headers;
    expect(Number(directWait)).toBeGreaterThan(0);
    expect(Number(yogaWait)).toBeGreaterThan(0);
    expect(directHeaders).toEqual(yogaHeaders);
    const code = (s: Sent) => JSON.parse(s.text).errors[0].extensions.code;
    expect(code(direct[2]!)).toBe("RATE_LIMITED");
    expect(code(yoga[2]!)).toBe("RATE_LIMITED");
    expect(yoga.map((s) => s.status)).toEqual([200, 200, 429]);
    expect((await limited.gateway.server.metrics.directRequests.get()).values[0]?.value).toBe(3);
  });
});

describe("errors the direct path hides", () => {
  it("are logged once each with the request id and without values, in the execution and before it", async () => {
    const broken = await startTestGateway({ seedHouseholds: 5, captureLogs: true, http: true });
    try {
      const key = await broken.keys.create(COUNTY, ["ledger:read"]);
      await broken.db.pool.query("alter table household rename to household_gone");
      const inside = await broken.graphql(MEMBERS, undefined, {
        key,
        headers: { "x-request-id": "hidden-1" },
      });
      expect(inside.status).toBe(200);
      expect(inside.body.errors?.[0]?.message).toBe("Unexpected error.");
      // A key not yet cached is read from a table that is gone: the failure is outside the execution.
      const fresh = await broken.keys.create(COUNTY, ["ledger:read"]);
      await broken.db.pool.query("alter table api_key rename to api_key_gone");
      const before = await broken.graphql(MEMBERS, undefined, {
        key: fresh,
        headers: { "x-request-id": "hidden-2" },
      });
      expect(before.body.errors?.[0]?.message).toBe("Unexpected error.");
      expect(JSON.stringify([inside.body, before.body])).not.toMatch(/relation|does not exist|42P01/);
      expect((await broken.server.metrics.directRequests.get()).values[0]?.value).toBe(2);
      const lines = broken.logs.filter((l) => l.msg === "unexpected error masked");
      expect(lines.map((l) => l.requestId)).toEqual(["hidden-1", "hidden-2"]);
      for (const l of lines) expect(l).toMatchObject({ err: { type: "DatabaseError", code: "42P01" } });
      expect(broken.logs.every((l) => typeof l.requestId === "string")).toBe(true);
      expect(JSON.stringify(broken.logs)).not.toMatch(/does not exist/);
    } finally {
      await broken.db.pool.query("alter table household_gone rename to household").catch(() => undefined);
      await broken.db.pool.query("alter table api_key_gone rename to api_key").catch(() => undefined);
      await broken.close();
    }
  });
});
