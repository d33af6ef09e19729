import { randomUUID } from "node:crypto";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { GatewayMetrics } from "../ops/metrics.js";
import { attachRequestInfo, findRequestInfo, type RequestInfo, requestInfo } from "./request-info.js";

/** Options of `useRequestLog`. */
export interface RequestLogOptions {
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  /** Echo the request's SQL statement count in `x-sql-statements`. */
  readonly exposeSqlCount: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Distinct operation labels in the metrics; clients choose operation names and paths, so later new ones count as `other`. */
export const MAX_OPERATION_LABELS = 100;

/** Keeps a label seen before, or a new one while fewer than `max` are kept; else `other` (bounded metric series). */
function boundedLabels(max: number): (label: string) => string {
  const seen = new Set<string>();
  return (label) => {
    if (seen.has(label)) return label;
    if (seen.size >= max) return "other";
    seen.add(label);
    return label;
  };
}

function newRequestInfo(request: Request, logger: Logger): RequestInfo {
  const given = request.headers.get("x-request-id");
  const requestId = given !== null && REQUEST_ID.test(given) ? given : randomUUID();
  return {
    requestId,
    logger: logger.child({ requestId }),
    started: performance.now(),
    operation: "-",
    path: null,
    principal: null,
    sql: null,
  };
}

function countErrors(result: unknown, metrics: GatewayMetrics, operation: string): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    const errors = (r as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors ?? [];
    for (const e of errors) {
      const code = typeof e.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR";
      metrics.errors.inc({ operation, code });
    }
  }
}

/**
 * Must be the first plugin: gives each request its id (a valid `x-request-id` or a new UUID) and
 * logger, echoes the id, counts requests, errors and latency, and logs one line per request.
 */
export function useRequestLog(options: RequestLogOptions): Plugin {
  const { logger, metrics } = options;
  const label = boundedLabels(MAX_OPERATION_LABELS);
  return {
    onRequest({ request, url, serverContext }) {
      const info = newRequestInfo(request, logger);
      // The routes after this hook parse the URL anyway: the response line takes the path from it.
      info.path = url.pathname;
      attachRequestInfo(serverContext, info);
    },
    onExecute({ args }) {
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      requestInfo(args.contextValue as object).operation = name ?? "anonymous";
    },
    onResultProcess({ result, serverContext }) {
      countErrors(result, metrics, label(requestInfo(serverContext).operation));
    },
    onResponse({ request, response, serverContext }) {
      const info = findRequestInfo(serverContext) ?? newRequestInfo(request, logger);
      const path = info.path ?? new URL(request.url).pathname;
      const isGraphql = path === "/graphql";
      const seconds = (performance.now() - info.started) / 1000;
      const operation = isGraphql ? info.operation : path;
      const sqlStatements = info.sql?.statementCount ?? 0;
      response.headers.set("x-request-id", info.requestId);
      if (options.exposeSqlCount && isGraphql)
        response.headers.set("x-sql-statements", String(sqlStatements));
      metrics.requests.inc({ operation: label(operation), status: String(response.status) });
      metrics.duration.observe({ operation: label(operation) }, seconds);
      info.logger.info(
        {
          method: request.method,
          path,
          status: response.status,
          ms: Math.round(seconds * 1000),
          operation,
          principalId: info.principal?.id ?? null,
          ...(isGraphql ? { sqlStatements } : {}),
        },
        "request",
      );
    },
  };
}
