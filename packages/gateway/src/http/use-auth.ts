import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { isAuthError } from "../auth/auth-error.js";
import type { Authenticator } from "../auth/authenticate.js";
import { createHttpError } from "./http-error.js";
import type { RateLimiter } from "./rate-limiter.js";
import { requestInfo } from "./request-info.js";

/** Options of `useAuth`. */
export interface AuthOptions {
  readonly authenticate: Authenticator;
  /** Counts failed authentications per client address; past its limit the answer is 429 (slows key guessing). */
  readonly failures: RateLimiter;
}

function clientAddress(serverContext: object): string {
  const req = (serverContext as { req?: IncomingMessage }).req;
  return req?.socket?.remoteAddress ?? "unknown";
}

/**
 * Resolves the request's principal from `Authorization` before GraphQL parses anything; refuses
 * with 401 UNAUTHENTICATED, or 429 RATE_LIMITED after too many failures from one address.
 */
export function useAuth(options: AuthOptions): Plugin {
  return {
    async onRequestParse({ request, serverContext }) {
      const info = requestInfo(serverContext);
      try {
        info.principal = await options.authenticate(request.headers.get("authorization"));
      } catch (e) {
        if (!isAuthError(e)) throw e;
        info.operation = "unauthenticated";
        const wait = await options.failures.consume(clientAddress(serverContext));
        if (wait !== null) {
          throw createHttpError(429, "RATE_LIMITED", `too many failed authentications; retry in ${wait} s`, {
            "retry-after": String(wait),
          });
        }
        throw createHttpError(401, "UNAUTHENTICATED", e.message, {
          "www-authenticate": 'Bearer realm="fupin"',
        });
      }
    },
  };
}
