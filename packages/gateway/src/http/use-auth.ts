import type { IncomingMessage } from "node:http";
import { getOperationAST, Kind, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { type AuthError, isAuthError } from "../auth/auth-error.js";
import type { Authenticator } from "../auth/authenticate.js";
import { keyRecheck, type RecheckCompanion } from "../auth/key-recheck.js";
import type { Principal } from "../auth/principal.js";
import { logHiddenError } from "./hidden-errors.js";
import { createHttpError } from "./http-error.js";
import type { RateLimiter } from "./rate-limiter.js";
import { type RequestInfo, requestInfo } from "./request-info.js";

/** Options of `useAuth`. */
export interface AuthOptions {
  readonly authenticate: Authenticator;
  /** Counts failed authentications per client address; past its limit the answer is 429 (slows key guessing). */
  readonly failures: RateLimiter;
  /** Read in the same statement as the key recheck before a mutation (the principal's refused writes). */
  readonly beforeMutation?: (principal: Principal) => RecheckCompanion;
  /** Whether a mutation of these root fields reads the key again itself before it writes (no recheck before it runs). */
  readonly rechecksItself?: (rootFields: readonly string[]) => boolean;
}

/** The root field names of an operation; null when it spreads fragments. */
function rootFields(operation: OperationDefinitionNode): string[] | null {
  const names: string[] = [];
  for (const s of operation.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return null;
    names.push(s.name.value);
  }
  return names;
}

function clientAddress(serverContext: object): string {
  const req = (serverContext as { req?: IncomingMessage }).req;
  return req?.socket?.remoteAddress ?? "unknown";
}

/** Logs an error the client will not see on the request's logger (once), and gives it back to throw. */
function hiddenErrorLogged(info: RequestInfo, e: unknown): unknown {
  logHiddenError(info.logger, e);
  return e;
}

/** The answer to a failed authentication: 401 UNAUTHENTICATED, or 429 after too many from one address. */
async function refusal(options: AuthOptions, serverContext: object, info: RequestInfo, e: AuthError) {
  info.operation = "unauthenticated";
  const wait = await options.failures.consume(clientAddress(serverContext));
  if (wait !== null) {
    return createHttpError(429, "RATE_LIMITED", `too many failed authentications; retry in ${wait} s`, {
      "retry-after": String(wait),
    });
  }
  return createHttpError(401, "UNAUTHENTICATED", e.message, { "www-authenticate": 'Bearer realm="fupin"' });
}

/**
 * Resolves the request's principal from `Authorization` before GraphQL parses anything; refuses
 * with 401 UNAUTHENTICATED, or 429 RATE_LIMITED after too many failures from one address.
 *
 * A key admitted from the key cache is read again during the request (`keyRecheck`): before a
 * mutation runs, else in the request's first statement or, when it ran none, before the answer
 * goes out. A key found revoked or unknown then gets the same answer as at the start, and the
 * request's result is replaced by it: nothing of it reaches the caller.
 */
export function useAuth(options: AuthOptions): Plugin {
  return {
    async onRequestParse({ request, serverContext }) {
      const info = requestInfo(serverContext);
      try {
        info.principal = await options.authenticate(request.headers.get("authorization"));
      } catch (e) {
        // Logged here, where the request is known: yoga masks it later without its request id.
        if (!isAuthError(e)) throw hiddenErrorLogged(info, e);
        throw await refusal(options, serverContext, info, e);
      }
    },
    // The hooks below return a promise only when they wait for something: most requests pass both at once.
    onExecute({ args, setResultAndStopExecution }) {
      const info = requestInfo(args.contextValue as object);
      const principal = info.principal;
      const recheck = keyRecheck(principal);
      if (!recheck?.pending || !principal) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const fields = rootFields(operation);
      if (fields && options.rechecksItself?.(fields)) return;
      // A mutation may act outside the request's SQL (queues, other pools): the key is read first.
      return recheck.ensure(options.beforeMutation?.(principal)).catch((e: unknown) => {
        if (!isAuthError(e)) throw hiddenErrorLogged(info, e);
        setResultAndStopExecution({ data: null });
      });
    },
    onResultProcess({ serverContext, setResult }) {
      const info = requestInfo(serverContext);
      const recheck = keyRecheck(info.principal);
      if (!recheck || (!recheck.pending && !recheck.refusal)) return;
      return (async () => {
        if (recheck.pending) {
          const failed = await recheck.ensure().then(
            () => false,
            (e: unknown) => {
              if (isAuthError(e)) return false;
              logHiddenError(info.logger, e);
              return true;
            },
          );
          // The key could not be read again (database unavailable): nothing goes out unchecked.
          if (failed)
            setResult({ errors: [createHttpError(500, "INTERNAL_SERVER_ERROR", "Unexpected error.")] });
          if (failed) return;
        }
        if (!recheck.refusal) return;
        const error = await refusal(options, serverContext, info, recheck.refusal);
        info.principal = null;
        setResult({ errors: [error] });
      })();
    },
  };
}
