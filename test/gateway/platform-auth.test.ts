import { runCli } from "@fupin/gateway";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ISSUER = "https://idp.example.gov.cn";
const SECRET = "a-test-secret-of-at-least-32-characters!";
const QUERY = `{ households(regionCode: "360723", first: 1) { totalCount } }`;

let clock = new Date("2026-06-01T02:00:00Z");
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    seedHouseholds: 30,
    now: () => clock,
    config: { jwt: { issuer: ISSUER, secret: SECRET } },
  });
});
afterAll(async () => {
  await gw?.close();
});

async function token(claims: Record<string, unknown>, options: { issuer?: string; expiresAt?: Date } = {}) {
  const iat = Math.floor(clock.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(options.issuer ?? ISSUER)
    .setSubject("platform-a")
    .setIssuedAt(iat)
    .setExpirationTime(
      Math.floor((options.expiresAt ?? new Date(clock.getTime() + 600_000)).getTime() / 1000),
    )
    .sign(new TextEncoder().encode(SECRET));
}

function expectUnauthenticated(res: {
  status: number;
  body: { errors?: readonly { extensions?: Record<string, unknown> }[] };
}) {
  expect(res.status).toBe(401);
  expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
}

describe("API keys", () => {
  it("a county key reads the ledger", async () => {
    const res = await gw.graphql(QUERY);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it("no Authorization header is 401 UNAUTHENTICATED", async () => {
    const res = await gw.graphql(QUERY, undefined, { key: null });
    expectUnauthenticated(res);
    expect(res.body.errors?.[0]?.message).toMatch(/Bearer/);
  });

  it("a malformed, unknown or tampered key is 401", async () => {
    const [, id] = /^fpk_([0-9a-f]+)_/.exec(gw.keys.county) ?? [];
    for (const key of [
      "nonsense",
      "fpk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAA",
      `fpk_${id}_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    ]) {
      expectUnauthenticated(await gw.graphql(QUERY, undefined, { key }));
    }
    const wrongScheme = await gw.graphql(QUERY, undefined, {
      key: null,
      headers: { authorization: `Basic ${gw.keys.county}` },
    });
    expectUnauthenticated(wrongScheme);
  });

  it("stores only the sha256 of the secret", async () => {
    const key = await gw.keys.create("360723100", ["ledger:read"], "hash check");
    const rows = await gw.db.pool.query<{ key_hash: string }>(
      "select key_hash from api_key where label = 'hash check'",
    );
    expect(rows.rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows.rows)).not.toContain(key.split("_").slice(2).join("_"));
  });

  it("a revoked key is 401 on the next request", async () => {
    const key = await gw.keys.create("360723100", ["ledger:read"]);
    expect((await gw.graphql(QUERY.replace("360723", "360723100"), undefined, { key })).status).toBe(200);
    const id = /^fpk_([0-9a-f]+)_/.exec(key)?.[1];
    await runCli(
      ["keys", "revoke", "--id", id!],
      { DATABASE_URL: gw.db.url },
      { log: () => {}, error: () => {} },
    );
    const res = await gw.graphql(QUERY, undefined, { key });
    expectUnauthenticated(res);
    expect(res.body.errors?.[0]?.message).toMatch(/revoked/);
  });
});

describe("JWT from the configured issuer", () => {
  it("a valid token with region and permissions is accepted", async () => {
    const jwt = await token({ region: "360723", permissions: ["ledger:read"] });
    const res = await gw.graphql(QUERY, undefined, { key: jwt });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it("a token from another issuer is 401", async () => {
    const jwt = await token(
      { region: "360723", permissions: ["ledger:read"] },
      { issuer: "https://evil.example" },
    );
    expectUnauthenticated(await gw.graphql(QUERY, undefined, { key: jwt }));
  });

  it("an expired token is 401 by the gateway's clock", async () => {
    const jwt = await token({ region: "360723", permissions: ["ledger:read"] });
    const saved = clock;
    clock = new Date(clock.getTime() + 3_600_000);
    try {
      const res = await gw.graphql(QUERY, undefined, { key: jwt });
      expectUnauthenticated(res);
      expect(res.body.errors?.[0]?.message).toMatch(/expired/);
    } finally {
      clock = saved;
    }
  });

  it("a token without a valid region or with unknown permissions is 401", async () => {
    expectUnauthenticated(
      await gw.graphql(QUERY, undefined, { key: await token({ region: "36x", permissions: [] }) }),
    );
    expectUnauthenticated(
      await gw.graphql(QUERY, undefined, { key: await token({ region: "360723", permissions: ["root"] }) }),
    );
  });

  it("a token without exp, or living longer than 24 h, is 401", async () => {
    const key = new TextEncoder().encode(SECRET);
    const iat = Math.floor(clock.getTime() / 1000);
    const base = () =>
      new SignJWT({ region: "360723", permissions: ["ledger:read"] })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(ISSUER)
        .setSubject("platform-a")
        .setIssuedAt(iat);
    const forever = await gw.graphql(QUERY, undefined, { key: await base().sign(key) });
    expectUnauthenticated(forever);
    expect(forever.body.errors?.[0]?.message).toBe('token claim "exp" is required');
    const decades = await base()
      .setExpirationTime(iat + 31 * 365 * 86_400)
      .sign(key);
    const long = await gw.graphql(QUERY, undefined, { key: decades });
    expectUnauthenticated(long);
    expect(long.body.errors?.[0]?.message).toMatch(/lifetime exceeds the maximum of 86400 s/);
  });

  it("a token signed with another secret is 401", async () => {
    const forged = await new SignJWT({ region: "360723", permissions: ["admin"] })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(ISSUER)
      .setSubject("x")
      .setExpirationTime(Math.floor(clock.getTime() / 1000) + 600)
      .sign(new TextEncoder().encode("another-secret-of-at-least-32-characters"));
    expectUnauthenticated(await gw.graphql(QUERY, undefined, { key: forged }));
  });
});

describe("CLI keys create", () => {
  it("prints a key once that then works over HTTP, scoped to its region", async () => {
    const lines: string[] = [];
    const code = await runCli(
      [
        "keys",
        "create",
        "--region",
        "360723100",
        "--permissions",
        "ledger:read,personal:read",
        "--label",
        "cli",
      ],
      { DATABASE_URL: gw.db.url },
      { log: (l) => lines.push(l), error: (l) => lines.push(l) },
    );
    expect(code).toBe(0);
    const key = lines.find((l) => l.startsWith("fpk_"));
    expect(key).toBeDefined();
    const res = await gw.graphql(QUERY.replace("360723", "360723100"), undefined, { key: key! });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it("records key creation and revocation in the audit log, without the secret", async () => {
    const quiet = { log: () => {}, error: () => {} };
    const lines: string[] = [];
    await runCli(
      ["keys", "create", "--region", "360723200", "--permissions", "ledger:read", "--label", "audited"],
      { DATABASE_URL: gw.db.url },
      { log: (l) => lines.push(l), error: quiet.error },
    );
    const key = lines.find((l) => l.startsWith("fpk_"))!;
    const id = /^fpk_([0-9a-f]+)_/.exec(key)![1]!;
    await runCli(["keys", "revoke", "--id", id], { DATABASE_URL: gw.db.url }, quiet);
    const rows = await gw.db.pool.query<{
      principal_id: string;
      action: string;
      county_code: string;
      after: unknown;
    }>(
      "select principal_id, action, county_code, after from audit_log where entity_type = 'api_key' and entity_id = $1 order by seq",
      [id],
    );
    expect(rows.rows.map((r) => r.action)).toEqual(["create", "update"]);
    expect(rows.rows[0]).toMatchObject({
      principal_id: expect.stringMatching(/^cli:/),
      county_code: "360723",
      after: { label: "audited", regionCode: "360723200", permissions: ["ledger:read"] },
    });
    expect(JSON.stringify(rows.rows)).not.toContain(key.slice(17));
  });

  it("refuses an unknown permission or a bad region code with a clear message", async () => {
    const env = { DATABASE_URL: gw.db.url };
    const quiet = { log: () => {}, error: () => {} };
    await expect(
      runCli(["keys", "create", "--region", "360723", "--permissions", "ledger:read,root"], env, quiet),
    ).rejects.toThrow(/unknown permission "root"; use ledger:read, personal:read/);
    await expect(
      runCli(["keys", "create", "--region", "3607x", "--permissions", "ledger:read"], env, quiet),
    ).rejects.toThrow(/region code "3607x" must contain only digits/);
  });
});
