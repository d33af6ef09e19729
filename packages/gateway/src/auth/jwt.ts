import { parseRegionCode } from "@fupin/domain";
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { JwtConfig } from "../config.js";
import { AuthError } from "./auth-error.js";
import { PERMISSIONS, type Permission, type Principal } from "./principal.js";

/** Verifies JWTs from the configured issuer; claims `region` (code) and `permissions` (array). */
export interface JwtVerifier {
  /** The token's principal; throws AuthError when the token is invalid, expired or from another issuer. */
  verify(token: string): Promise<Principal>;
}

/** Creates a JWT verifier (JWKS URL, or an HS256 secret) for one issuer. */
export function createJwtVerifier(config: JwtConfig, now: () => Date = () => new Date()): JwtVerifier {
  const jwks: JWTVerifyGetKey | null = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  const secret = config.secret ? new TextEncoder().encode(config.secret) : null;
  return {
    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        const options = {
          issuer: config.issuer,
          currentDate: now(),
          ...(config.audience ? { audience: config.audience } : {}),
        };
        const result = jwks
          ? await jwtVerify(token, jwks, options)
          : await jwtVerify(token, secret!, { ...options, algorithms: ["HS256"] });
        payload = result.payload;
      } catch (e) {
        const reason =
          e instanceof errors.JWTExpired
            ? "token expired"
            : e instanceof errors.JWTClaimValidationFailed
              ? `token claim "${e.claim}" rejected`
              : "token not valid";
        throw new AuthError("AUTH.INVALID_TOKEN", reason);
      }
      const region = typeof payload.region === "string" ? parseRegionCode(payload.region) : null;
      if (!region?.ok)
        throw new AuthError("AUTH.INVALID_TOKEN", 'token claim "region" must be a region code');
      const perms = payload.permissions;
      if (!Array.isArray(perms) || !perms.every((p) => (PERMISSIONS as readonly unknown[]).includes(p))) {
        throw new AuthError(
          "AUTH.INVALID_TOKEN",
          `token claim "permissions" must list only ${PERMISSIONS.join(", ")}`,
        );
      }
      if (typeof payload.sub !== "string" || payload.sub === "") {
        throw new AuthError("AUTH.INVALID_TOKEN", 'token claim "sub" is required');
      }
      return {
        id: `jwt:${config.issuer}#${payload.sub}`,
        kind: "jwt",
        regionCode: region.value.code,
        permissions: new Set(perms as Permission[]),
      };
    },
  };
}
