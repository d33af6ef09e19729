import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError, type GraphQLSchema, getOperationAST } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createAuditWriter } from "./audit/audit-writer.js";
import { type ApiKeyVerifier, createApiKeyVerifier } from "./auth/api-keys.js";
import { isAuthError } from "./auth/auth-error.js";
import { type Authenticator, createAuthenticator } from "./auth/authenticate.js";
import { createJwtVerifier } from "./auth/jwt.js";
import type { Principal } from "./auth/principal.js";
import type { GatewayConfig } from "./config.js";
import type { GatewayContext, GatewayServices } from "./context.js";
import type { Database } from "./db/database.js";
import { createSqlExecutor } from "./db/pool.js";
import { createGraphqlPlugins } from "./graphql/limits.js";
import { createSchema } from "./graphql/schema/index.js";
import { createMetrics, type GatewayMetrics } from "./ops/metrics.js";
import { checkReadiness } from "./ops/readiness.js";

/** Options of `createGatewayServer`. */
export interface GatewayServerOptions {
  readonly config: GatewayConfig;
  readonly db: Pick<Database, "pool" | "orm">;
  readonly logger: Logger;
  /** The clock of request handling (tests replace it). */
  readonly now?: () => Date;
  /** The GraphQL schema; default the gateway's. */
  readonly schema?: GraphQLSchema;
  /** Extra yoga plugins (the GraphQL limits and personal-read audit are always added). */
  readonly plugins?: readonly Plugin[];
  /** How long an API key row is cached before it is read again. Default 30 s. */
  readonly apiKeyCacheMs?: number;
}

/** The gateway's HTTP server: /graphql, /health, /ready, /metrics. */
export interface GatewayServer {
  readonly server: Server;
  readonly metrics: GatewayMetrics;
  readonly apiKeys: ApiKeyVerifier;
  /** Listens on the configured host and port (0: any free port); returns the /graphql URL. */
  listen(): Promise<string>;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

interface RequestRecord {
  operation: string;
}

type ServerContext = GatewayContext & { readonly record: RequestRecord };

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function graphqlError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** What may be logged of an error hidden from the client: PostgreSQL errors by code and object names only (their messages can quote values). */
function describeHiddenError(error: unknown): Record<string, unknown> {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = error instanceof GraphQLError ? error.path : undefined;
  const pgError = original as {
    code?: unknown;
    severity?: unknown;
    table?: unknown;
    constraint?: unknown;
    column?: unknown;
  };
  if (typeof pgError.code === "string" && pgError.severity !== undefined) {
    return {
      type: "DatabaseError",
      code: pgError.code,
      table: pgError.table,
      constraint: pgError.constraint,
      column: pgError.column,
      path,
    };
  }
  return original instanceof Error
    ? { type: original.name, message: original.message, path }
    : { type: typeof original, path };
}

function opsPlugin(): Plugin<ServerContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as ServerContext;
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      ctx.record.operation = name ?? "anonymous";
    },
  };
}

/** Creates the gateway's HTTP server over an open database. */
export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  const { config, db, logger } = options;
  const now = options.now ?? (() => new Date());
  const metrics = createMetrics();
  const apiKeys = createApiKeyVerifier(db.pool, { now, ttlMs: options.apiKeyCacheMs ?? 30_000 });
  const authenticate: Authenticator = createAuthenticator(
    apiKeys,
    config.jwt ? createJwtVerifier(config.jwt, now) : null,
  );
  const limiter = new RateLimiterPostgres({
    storeClient: db.pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix: "gql",
    points: config.rateLimitPerMinute,
    duration: 60,
  });
  const authFailures = new RateLimiterPostgres({
    storeClient: db.pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix: "authfail",
    points: config.authFailuresPerMinute,
    duration: 60,
  });
  const audit = createAuditWriter(db.pool);
  // The request's logger for code that gets no context (error masking), so every line has its request id.
  const requestLogger = new AsyncLocalStorage<Logger>();
  const currentLogger = () => requestLogger.getStore() ?? logger;

  const yoga = createYoga<ServerContext>({
    schema: options.schema ?? createSchema(),
    graphqlEndpoint: "/graphql",
    maskedErrors: {
      isDev: false,
      errorMessage: "Unexpected error.",
      maskError(error, message) {
        const masked = maskError(error, message, false);
        if (masked !== error) {
          currentLogger().error({ err: describeHiddenError(error) }, "unexpected error masked");
        }
        return masked;
      },
    },
    landingPage: false,
    logging: {
      debug: (...a: unknown[]) => currentLogger().debug({ yoga: a.map(String) }, "yoga"),
      info: (...a: unknown[]) => currentLogger().info({ yoga: a.map(String) }, "yoga"),
      warn: (...a: unknown[]) => currentLogger().warn({ yoga: a.map(String) }, "yoga"),
      error: (...a: unknown[]) => currentLogger().error({ yoga: a.map(String) }, "yoga"),
    },
    // GraphiQL with its assets bundled, not fetched from a CDN: county networks are often offline.
    renderGraphiQL,
    graphiql: {
      title: "fupin gateway",
      defaultQuery:
        '# Add the header {"Authorization": "Bearer <your key>"} in the Headers tab below.\n' +
        'query Households {\n  households(regionCode: "360723", first: 5) {\n    totalCount\n    edges { node { id householdNumber village { code name } } }\n  }\n}\n',
    },
    plugins: [
      opsPlugin(),
      ...(createGraphqlPlugins() as Plugin<ServerContext>[]),
      ...((options.plugins ?? []) as Plugin<ServerContext>[]),
      {
        onResultProcess({ result, serverContext }) {
          const record = (serverContext as Partial<ServerContext>).record;
          if (!record) return;
          for (const r of Array.isArray(result) ? result : [result]) {
            const errors = (r as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors ?? [];
            for (const e of errors) {
              const code =
                typeof e.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR";
              metrics.errors.inc({ operation: record.operation, code });
            }
          }
        },
      },
    ],
  });

  async function handleGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    log: Logger,
    record: RequestRecord,
  ): Promise<{ principal: Principal | null; sql: number }> {
    const method = req.method ?? "GET";
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > config.maxBodyBytes) {
      graphqlError(
        res,
        413,
        "PAYLOAD_TOO_LARGE",
        `request body too large: the limit is ${config.maxBodyBytes} bytes`,
        {
          connection: "close",
        },
      );
      return { principal: null, sql: 0 };
    }
    let body: Buffer | undefined;
    if (method !== "GET" && method !== "HEAD") {
      try {
        body = await readBody(req, config.maxBodyBytes);
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        graphqlError(
          res,
          413,
          "PAYLOAD_TOO_LARGE",
          `request body too large: the limit is ${config.maxBodyBytes} bytes`,
          {
            connection: "close",
          },
        );
        return { principal: null, sql: 0 };
      }
    }
    const wantsGraphiql = method === "GET" && (req.headers.accept ?? "").includes("text/html");
    let principal: Principal | null = null;
    if (!wantsGraphiql) {
      try {
        principal = await authenticate(req.headers.authorization);
      } catch (e) {
        if (!isAuthError(e)) throw e;
        record.operation = "unauthenticated";
        try {
          await authFailures.consume(req.socket.remoteAddress ?? "unknown");
        } catch (limited) {
          if (!(limited instanceof RateLimiterRes)) throw limited;
          const seconds = Math.max(1, Math.ceil(limited.msBeforeNext / 1000));
          graphqlError(res, 429, "RATE_LIMITED", `too many failed authentications; retry in ${seconds} s`, {
            "retry-after": String(seconds),
          });
          return { principal: null, sql: 0 };
        }
        graphqlError(res, 401, "UNAUTHENTICATED", e.message, { "www-authenticate": 'Bearer realm="fupin"' });
        return { principal: null, sql: 0 };
      }
      try {
        await limiter.consume(principal.id);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        graphqlError(
          res,
          429,
          "RATE_LIMITED",
          `rate limit of ${config.rateLimitPerMinute} requests per minute exceeded; retry in ${seconds} s`,
          { "retry-after": String(seconds) },
        );
        return { principal, sql: 0 };
      }
    }
    const sql = createSqlExecutor(db.pool);
    const services: GatewayServices = { sql, orm: db.orm, audit };
    const context: ServerContext = { requestId, principal, logger: log, now, services, record };
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string") headers.set(k, v);
      else if (Array.isArray(v)) headers.set(k, v.join(", "));
    }
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const request = new Request(url, {
      method,
      headers,
      ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const response = await yoga.fetch(request, context);
    const out = Buffer.from(await response.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      outHeaders[k] = v;
    });
    if (config.exposeSqlCount) outHeaders["x-sql-statements"] = String(sql.statementCount);
    outHeaders["content-length"] = String(out.length);
    res.writeHead(response.status, outHeaders);
    res.end(out);
    return { principal, sql: sql.statementCount };
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    log: Logger,
  ): Promise<void> {
    const started = performance.now();
    res.setHeader("x-request-id", requestId);
    const path = (req.url ?? "/").split("?")[0]!;
    const record: RequestRecord = { operation: "-" };
    let principal: Principal | null = null;
    let sql = 0;
    try {
      if (path === "/health") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "ok" }));
      } else if (path === "/ready") {
        const r = await checkReadiness(db.pool, db.orm);
        res.writeHead(r.ready ? 200 : 503, { "content-type": "application/json" });
        res.end(
          JSON.stringify(r.ready ? { status: "ready" } : { status: "not ready", problems: r.problems }),
        );
      } else if (path === "/metrics") {
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      } else if (path === "/graphql") {
        ({ principal, sql } = await handleGraphql(req, res, requestId, log, record));
      } else {
        graphqlError(res, 404, "NOT_FOUND", `no route ${path}: use /graphql, /health, /ready or /metrics`);
      }
    } catch (e) {
      log.error(
        { err: e instanceof Error ? { type: e.name, message: e.message, stack: e.stack } : String(e) },
        "request failed",
      );
      if (!res.headersSent) graphqlError(res, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
      else res.end();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const operation = path === "/graphql" ? record.operation : path;
      metrics.requests.inc({ operation, status: String(res.statusCode) });
      metrics.duration.observe({ operation }, seconds);
      log.info(
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          operation,
          principalId: principal?.id ?? null,
          ...(path === "/graphql" ? { sqlStatements: sql } : {}),
        },
        "request",
      );
    }
  }

  const server = createServer((req, res) => {
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ requestId });
    void requestLogger.run(log, () => handle(req, res, requestId, log));
  });

  return {
    server,
    metrics,
    apiKeys,
    listen() {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          server.off("error", reject);
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(":") ? `[${config.host}]` : config.host;
          resolve(`http://${host}:${port}/graphql`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
