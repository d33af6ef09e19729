import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { revokeApiKey } from "@fupin/gateway";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ISSUER = "https://province-idp.example.gov.cn";
const QUERY = `{ households(regionCode: "360723", first: 1) { totalCount } }`;

const clock = new Date("2026-06-01T02:00:00Z");
let jwks: Server;
let gw: TestGateway;
let signingKey: CryptoKey;
let jwksRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  jwks = createServer((_req, res) => {
    jwksRequests++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
  const { port } = jwks.address() as AddressInfo;
  gw = await startTestGateway({
    seedHouseholds: 10,
    now: () => clock,
    config: { jwt: { issuer: ISSUER, jwksUrl: `http://127.0.0.1:${port}/jwks.json` } },
  });
});
afterAll(async () => {
  await gw?.close();
  await new Promise((r) => jwks?.close(r));
});

function sign(claims: Record<string, unknown>, key: CryptoKey = signingKey) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(ISSUER)
    .setSubject("province-platform")
    .setIssuedAt(Math.floor(clock.getTime() / 1000))
    .setExpirationTime(Math.floor(clock.getTime() / 1000) + 300)
    .sign(key);
}

describe("JWT verified against the issuer's JWKS", () => {
  it("accepts a token signed by the issuer's key, fetched from its JWKS URL", async () => {
    const res = await gw.graphql(QUERY, undefined, {
      key: await sign({ region: "36", permissions: ["ledger:read"] }),
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it("refuses a token signed by another key with the same kid", async () => {
    const other = await generateKeyPair("RS256");
    const res = await gw.graphql(QUERY, undefined, {
      key: await sign({ region: "36", permissions: ["ledger:read"] }, other.privateKey),
    });
    expect(res.status).toBe(401);
  });
});

describe("API key revocation", () => {
  it("holds from the next request on: key rows are not cached", async () => {
    const key = await gw.keys.create("360723", ["ledger:read"]);
    expect((await gw.graphql(QUERY, undefined, { key })).status).toBe(200);
    await revokeApiKey(gw.db.pool, /^fpk_([0-9a-f]+)_/.exec(key)![1]!, clock);
    const res = await gw.graphql(QUERY, undefined, { key });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toMatch(/revoked/);
  });
});
