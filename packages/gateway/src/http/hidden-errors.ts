import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { maskError } from "graphql-yoga";
import type { Logger } from "pino";
import { isAuthError } from "../auth/auth-error.js";
import type { GatewayContext } from "../context.js";
import type { MaskedErrorOptions } from "./direct-graphql.js";

/** What may be logged of an error hidden from the client: PostgreSQL errors by code and object names only (their messages can quote values). */
export function describeHiddenError(error: unknown): Record<string, unknown> {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = error instanceof GraphQLError ? error.path : undefined;
  const pg = original as Record<string, unknown>;
  if (typeof pg.code === "string" && pg.severity !== undefined) {
    const { code, table, constraint, column } = pg;
    return { type: "DatabaseError", code, table, constraint, column, path };
  }
  return original instanceof Error
    ? { type: original.name, message: original.message, path }
    : { type: typeof original, path };
}

const MESSAGE = "Unexpected error.";

/** Errors already logged with their request (by `logHiddenError`): masking logs no second line. */
const logged = new WeakSet<object>();

/**
 * Logs an error masking hides, with what may be logged of it, once per error; not a key found
 * revoked during the request (the whole answer becomes useAuth's 401).
 */
function logMasked(logger: Logger, error: unknown): void {
  const isObject = typeof error === "object" && error !== null;
  if (isObject && logged.has(error)) return;
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isAuthError(original)) return;
  logger.error({ err: describeHiddenError(error) }, "unexpected error masked");
  if (isObject) logged.add(error);
}

/** Logs an error masking will hide, with what may be logged of it, on the request's logger; once per error. */
export function logHiddenError(logger: Logger, error: unknown): void {
  if (maskError(error, MESSAGE, false) !== error) logMasked(logger, error);
}

/**
 * The gateway's error masking (yoga's rule: anything not meant for the client becomes "Unexpected
 * error."). An error hidden without a line from `logHiddenError` (one yoga caught outside the
 * execution) is logged on `logger`.
 */
export function gatewayMaskedErrors(logger: Logger): MaskedErrorOptions {
  return {
    isDev: false,
    errorMessage: MESSAGE,
    maskError(error, message) {
      const masked = maskError(error, message, false);
      if (masked !== error) logMasked(logger, error);
      return masked;
    },
  };
}

/**
 * Logs each error of an execution that masking will hide, on the request's logger (its request id
 * in the line), before yoga's masking replaces it: registered before yoga's masked-errors plugin, its
 * `onExecuteDone` sees the errors as they were thrown.
 */
export function useHiddenErrorLog(): Plugin<GatewayContext> {
  // One hooks object for every execution: the payload carries the context.
  const done = {
    onExecuteDone({ args, result }: { args: { contextValue: unknown }; result: unknown }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const ctx = args.contextValue as GatewayContext;
      for (const error of (result as { errors?: readonly unknown[] }).errors ?? []) {
        logHiddenError(ctx.logger, error);
      }
    },
  };
  return { onExecute: () => done };
}
