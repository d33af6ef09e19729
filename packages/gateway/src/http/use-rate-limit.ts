import type { Plugin } from "graphql-yoga";
import { createHttpError } from "./http-error.js";
import type { RateLimiter } from "./rate-limiter.js";
import { requestInfo } from "./request-info.js";

/** Options of `useRateLimit`. */
export interface RateLimitOptions {
  readonly limiter: RateLimiter;
  /** The limit as configured, for the message. */
  readonly perMinute: number;
}

/**
 * Limits requests per principal (after `useAuth`): 429 RATE_LIMITED with Retry-After past the limit.
 * A request already counted by the statement that read its API key is not counted again.
 */
export function useRateLimit(options: RateLimitOptions): Plugin {
  // Made once, not per request (a named closure per request costs a defineProperty under tsx).
  const refuse = (wait: number | null) => {
    if (wait === null) return;
    throw createHttpError(
      429,
      "RATE_LIMITED",
      `rate limit of ${options.perMinute} requests per minute exceeded; retry in ${wait} s`,
      { "retry-after": String(wait) },
    );
  };
  return {
    onRequestParse({ serverContext }) {
      const principal = requestInfo(serverContext).principal;
      if (!principal) return;
      // A request counted already, or decided from the process's leased block, needs no promise.
      let known = options.limiter.takeCounted?.(principal);
      if (known === undefined) known = options.limiter.consumeNow?.(principal.id);
      if (known !== undefined) return refuse(known);
      return options.limiter.consume(principal.id).then(refuse);
    },
  };
}
