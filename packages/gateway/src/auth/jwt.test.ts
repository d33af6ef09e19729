import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { isAuthError } from "./auth-error.js";
import { createJwtVerifier } from "./jwt.js";

const ISSUER = "https://idp.example.gov.cn";
const SECRET = "a-test-secret-of-at-least-32-characters!";
const NOW = new Date("2026-06-01T02:00:00Z");
const NOW_S = NOW.getTime() / 1000;

function sign(times: { iat?: number; exp?: number }): Promise<string> {
  let jwt = new SignJWT({ region: "360723", permissions: ["ledger:read"] })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setSubject("platform-a");
  if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

async function outcome(
  token: string,
  config: { maxLifetimeSeconds?: number; clockSkewSeconds?: number } = {},
) {
  const verifier = createJwtVerifier({ issuer: ISSUER, secret: SECRET, ...config }, () => NOW);
  try {
    const p = await verifier.verify(token);
    return `accepted ${p.id}`;
  } catch (e) {
    if (!isAuthError(e)) throw e;
    return `${e.code}: ${e.message}`;
  }
}

const accepted = "accepted jwt:https://idp.example.gov.cn#platform-a";

describe("JWT lifetime (exp required, at most 24 h by default, 60 s of clock skew)", () => {
  it.each([
    ["no exp", {}, 'AUTH.INVALID_TOKEN: token claim "exp" is required'],
    ["no exp but an iat", { iat: NOW_S }, 'AUTH.INVALID_TOKEN: token claim "exp" is required'],
    [
      "exp in 31 years",
      { iat: NOW_S, exp: NOW_S + 31 * 365 * 86_400 },
      /lifetime exceeds the maximum of 86400 s/,
    ],
    ["exp in 31 years without iat", { exp: NOW_S + 31 * 365 * 86_400 }, /lifetime exceeds the maximum/],
    [
      "issued 2 days ago, valid 1 more hour",
      { iat: NOW_S - 2 * 86_400, exp: NOW_S + 3600 },
      /lifetime exceeds/,
    ],
    ["exactly 24 h from iat", { iat: NOW_S, exp: NOW_S + 86_400 }, accepted],
    ["24 h without iat", { exp: NOW_S + 86_400 }, accepted],
    ["expired 30 s ago (inside the skew)", { iat: NOW_S - 600, exp: NOW_S - 30 }, accepted],
    [
      "expired 90 s ago (beyond the skew)",
      { iat: NOW_S - 600, exp: NOW_S - 90 },
      "AUTH.INVALID_TOKEN: token expired",
    ],
    ["issued 30 s in the future (inside the skew)", { iat: NOW_S + 30, exp: NOW_S + 600 }, accepted],
  ])("%s", async (_name, times, expected) => {
    const got = await outcome(await sign(times));
    if (typeof expected === "string") expect(got).toBe(expected);
    else expect(got).toMatch(expected);
  });

  it("takes the maximum lifetime and the skew from the configuration", async () => {
    const hour = await sign({ iat: NOW_S, exp: NOW_S + 3600 });
    expect(await outcome(hour, { maxLifetimeSeconds: 600 })).toMatch(/maximum of 600 s/);
    expect(await outcome(hour, { maxLifetimeSeconds: 3600 })).toBe(accepted);
    const expired = await sign({ iat: NOW_S - 600, exp: NOW_S - 30 });
    expect(await outcome(expired, { clockSkewSeconds: 0 })).toBe("AUTH.INVALID_TOKEN: token expired");
    expect(await outcome(expired, { clockSkewSeconds: 120 })).toBe(accepted);
  });
});
