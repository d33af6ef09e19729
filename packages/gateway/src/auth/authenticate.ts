import type { ApiKeyVerifier } from "./api-keys.js";
import { API_KEY_PREFIX } from "./api-keys.js";
import { AuthError } from "./auth-error.js";
import type { JwtVerifier } from "./jwt.js";
import type { Principal } from "./principal.js";

/** Resolves the principal of an `Authorization` header. */
export type Authenticator = (authorization: string | null | undefined) => Promise<Principal>;

/** Creates the authenticator: `Bearer fpk_…` is an API key, any other bearer token a JWT (when an issuer is configured). */
export function createAuthenticator(apiKeys: ApiKeyVerifier, jwt: JwtVerifier | null): Authenticator {
  return async (authorization) => {
    if (!authorization) {
      throw new AuthError(
        "AUTH.MISSING_CREDENTIALS",
        "authentication required: send Authorization: Bearer <key>",
      );
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw new AuthError("AUTH.INVALID_CREDENTIALS", "Authorization must be: Bearer <key or token>");
    const token = m[1]!;
    if (token.startsWith(API_KEY_PREFIX)) return apiKeys.verify(token);
    if (jwt && token.split(".").length === 3) return jwt.verify(token);
    throw new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key or token");
  };
}
