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

/** Default longest token lifetime: 24 hours. */
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 86_400;
/** Default tolerated clock difference with the issuer. */
export const DEFAULT_JWT_CLOCK_SKEW_SECONDS = 60;

function rejection(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "token expired";
  if (e instanceof errors.JWTClaimValidationFailed) {
    return e.reason === "missing"
      ? `token claim "${e.claim}" is required`
      : `token claim "${e.claim}" rejected`;
  }
  return "token not valid";
}

/** Refuses a token that lives longer than the maximum: counted from `iat` when given, and always from now. */
function checkLifetime(
  payload: Record<string, unknown>,
  nowSeconds: number,
  max: number,
  skew: number,
): void {
  const exp = payload.exp as number;
  const iat = typeof payload.iat === "number" ? payload.iat : undefined;
  if ((iat !== undefined && exp - iat > max) || exp - nowSeconds > max + skew) {
    throw new AuthError("AUTH.INVALID_TOKEN", `token lifetime exceeds the maximum of ${max} s`);
  }
}

/** Creates a JWT verifier (JWKS URL, or an HS256 secret) for one issuer; tokens must carry `exp` within the maximum lifetime. */
export function createJwtVerifier(config: JwtConfig, now: () => Date = () => new Date()): JwtVerifier {
  const jwks: JWTVerifyGetKey | null = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  const secret = config.secret ? new TextEncoder().encode(config.secret) : null;
  const maxLifetime = config.maxLifetimeSeconds ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS;
  const skew = config.clockSkewSeconds ?? DEFAULT_JWT_CLOCK_SKEW_SECONDS;
  return {
    async verify(token) {
      let payload: Record<string, unknown>;
      const at = now();
      try {
        const options = {
          issuer: config.issuer,
          currentDate: at,
          requiredClaims: ["exp"],
          clockTolerance: skew,
          ...(config.audience ? { audience: config.audience } : {}),
        };
        const result = jwks
          ? await jwtVerify(token, jwks, options)
          : await jwtVerify(token, secret!, { ...options, algorithms: ["HS256"] });
        payload = result.payload;
      } catch (e) {
        throw new AuthError("AUTH.INVALID_TOKEN", rejection(e));
      }
      checkLifetime(payload, Math.floor(at.getTime() / 1000), maxLifetime, skew);
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
