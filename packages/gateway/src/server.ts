import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CONSOLE_DIST_DIR } from "@fupin/console/build";
import { DEFAULT_ID_NUMBER_MASK } from "@fupin/domain";
import { contextCacheSymbol } from "@pothos/core";
import type { GraphQLSchema } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import { type AssessmentService, createAssessmentService } from "./assessment/assessment-service.js";
import { auditLinkLag } from "./audit/audit-linker.js";
import { createAuditWriter } from "./audit/audit-writer.js";
import { createApiKeyVerifier } from "./auth/api-keys.js";
import { createAuthenticator } from "./auth/authenticate.js";
import { createJwtVerifier } from "./auth/jwt.js";
import { keyRecheck } from "./auth/key-recheck.js";
import { type GatewayConfig, uploadLimit } from "./config.js";
import type { GatewayContext } from "./context.js";
import type { Database } from "./db/database.js";
import { createSqlExecutor } from "./db/pool.js";
import { createGraphqlPlugins } from "./graphql/limits.js";
import { releaseRequestCaches } from "./graphql/request-caches.js";
import { createSchema } from "./graphql/schema/index.js";
import { createFailedWriteLimit, type FailedWriteLimit } from "./graphql/write/failed-writes.js";
import { mutationRechecksItself } from "./graphql/write/one-statement.js";
import { createDirectGraphql, type MaskedErrorOptions } from "./http/direct-graphql.js";
import { gatewayMaskedErrors, logHiddenError, useHiddenErrorLog } from "./http/hidden-errors.js";
import { createPostgresRateLimiter } from "./http/rate-limiter.js";
import { findRequestInfo, requestInfo } from "./http/request-info.js";
import { useAuth } from "./http/use-auth.js";
import { useBodyLimit } from "./http/use-body-limit.js";
import { useConsoleRoutes } from "./http/use-console-routes.js";
import { renderGraphiqlPage, useGraphiqlAssets } from "./http/use-graphiql-assets.js";
import { useOpsRoutes } from "./http/use-ops-routes.js";
import { useRateLimit } from "./http/use-rate-limit.js";
import { useRequestLog } from "./http/use-request-log.js";
import {
  addAssessmentMetrics,
  addAuditLinkMetrics,
  createMetrics,
  type GatewayMetrics,
} from "./ops/metrics.js";

/** Options of `createGatewayYoga` and `createGatewayServer`. */
export interface GatewayServerOptions {
  readonly config: GatewayConfig;
  /** The database; with its URL the assessment workers read snapshots on connections of their own. */
  readonly db: Pick<Database, "pool" | "orm"> & Partial<Pick<Database, "url">>;
  readonly logger: Logger;
  /** The clock of request handling (tests replace it). */
  readonly now?: () => Date;
  /** The GraphQL schema; default the gateway's. */
  readonly schema?: GraphQLSchema;
  /** Extra yoga plugins (the GraphQL limits and personal-read audit are always added). */
  readonly plugins?: readonly Plugin[];
  /** Filled into GraphiQL's headers when the page is requested from this machine (loopback). */
  readonly developmentKey?: string;
  /** The sync pipeline, when this process runs one (schedules and reruns go through it). */
  readonly sync?: import("./sync/sync-service.js").SyncService;
  /**
   * The assessment service; default one of its own (one worker thread, started on first use, reading
   * snapshots itself when `db.url` is known).
   */
  readonly assessment?: AssessmentService;
  /** The console's static build served at /console; default packages/console/dist. */
  readonly consoleDir?: string;
  /**
   * Serve plain JSON POSTs to /graphql without yoga's fetch-API layer (`createDirectGraphql`): the same
   * hooks and answers at about a third less CPU per small request. Default true; false sends every
   * request through yoga.
   */
  readonly directPath?: boolean;
}

/** The gateway's yoga app: GraphQL at /graphql, GraphiQL, /health, /ready and /metrics; `fetch` serves a request in process. */
export type GatewayYoga = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/** The gateway's HTTP server: `createServer(yoga)`. */
export interface GatewayServer {
  readonly server: Server;
  readonly yoga: GatewayYoga;
  readonly metrics: GatewayMetrics;
  /** The assessment service of its requests (closed with the server). */
  readonly assessment: AssessmentService;
  /** Listens on the configured host and port (0: any free port); returns the /graphql URL. */
  listen(): Promise<string>;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

const GRAPHQL_ENDPOINT = "/graphql";

/** The default GraphiQL query: short, its hint in lines that fit the editor. */
export const GRAPHIQL_DEFAULT_QUERY = `# Needs the header Authorization: Bearer <key>
# (Headers tab below; filled in on this machine)
query Households {
  households(regionCode: "360723", first: 5) {
    totalCount
    nodes { id householdNumber village { code name } }
  }
}
`;

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** GraphiQL's options: the development key in the headers when the page is asked for from this machine. */
function graphiqlOptions(developmentKey: string | undefined) {
  return (_request: Request, serverContext?: Record<string, unknown>) => {
    const address = (serverContext?.req as IncomingMessage | undefined)?.socket?.remoteAddress;
    const local = developmentKey !== undefined && address !== undefined && LOOPBACK.has(address);
    return {
      title: "fupin gateway",
      defaultQuery: GRAPHIQL_DEFAULT_QUERY,
      ...(local ? { headers: JSON.stringify({ Authorization: `Bearer ${developmentKey}` }, null, 2) } : {}),
    };
  };
}

function yogaLogging(logger: Logger) {
  // yoga logs at debug on every request: nothing is built for a level that is off. It also logs each
  // error it masks, message and all: the gateway logs those itself, with the request id and without
  // values (`logHiddenError`).
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...a: unknown[]) => {
      if (level === "error" && a.length > 0 && a.every((x) => x instanceof Error)) return;
      if (logger.isLevelEnabled(level)) logger[level]({ yoga: a.map(String) }, "yoga");
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Most requests a process leases from the shared rate-limit count at once (a 64th of the limit, at least 1). */
const RATE_LEASE = 256;

function httpPlugins(
  options: GatewayServerOptions,
  metrics: GatewayMetrics,
  failedWrites: FailedWriteLimit,
): Plugin[] {
  const { config, db, logger } = options;
  const now = options.now ?? (() => new Date());
  const limiter = createPostgresRateLimiter(db.pool, {
    keyPrefix: "gql",
    points: config.rateLimitPerMinute,
    lease: RATE_LEASE,
  });
  const authenticate = createAuthenticator(
    createApiKeyVerifier(db.pool, { now, cacheKeys: true }),
    config.jwt ? createJwtVerifier(config.jwt, now) : null,
  );
  return [
    useRequestLog({ logger, metrics, exposeSqlCount: config.exposeSqlCount }),
    useConsoleRoutes({ dir: options.consoleDir ?? CONSOLE_DIST_DIR }),
    useGraphiqlAssets(),
    useOpsRoutes({ pool: db.pool, orm: db.orm, metrics, graphqlEndpoint: GRAPHQL_ENDPOINT }),
    useBodyLimit({ maxBytes: config.maxBodyBytes, maxUploadBytes: uploadLimit(config) }),
    useAuth({
      authenticate,
      beforeMutation: (principal) => failedWrites.prefetch!(principal),
      rechecksItself: mutationRechecksItself,
      failures: createPostgresRateLimiter(db.pool, {
        keyPrefix: "authfail",
        points: config.authFailuresPerMinute,
      }),
    }),
    useRateLimit({
      limiter,
      perMinute: config.rateLimitPerMinute,
    }),
  ];
}

function defaultAssessment(db: GatewayServerOptions["db"]): AssessmentService {
  return createAssessmentService(db.url ? { databaseUrl: db.url } : {});
}

/** The gateway's yoga app with its plugins and error masking, which the direct path shares. */
interface GatewayYogaParts {
  readonly yoga: GatewayYoga;
  readonly plugins: readonly Plugin[];
  readonly maskedErrors: MaskedErrorOptions;
}

function buildGatewayYoga(options: GatewayServerOptions, metrics: GatewayMetrics): GatewayYogaParts {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const audit = createAuditWriter(db.pool);
  const assessment = options.assessment ?? defaultAssessment(options.db);
  const failedWrites = createFailedWriteLimit(db.pool, options.config.failedWritesPerHour ?? 60);
  const idNumberMask = options.config.idNumberMask ?? DEFAULT_ID_NUMBER_MASK;
  const maskedErrors = gatewayMaskedErrors(logger);
  const plugins: Plugin[] = [
    ...httpPlugins(options, metrics, failedWrites),
    useHiddenErrorLog() as Plugin,
    ...(createGraphqlPlugins() as Plugin[]),
    ...(options.plugins ?? []),
  ];
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: options.schema ?? createSchema(),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // yoga's own check answers an empty 200; /health is useOpsRoutes' JSON answer.
    healthCheckEndpoint: "/.yoga/health",
    maxRequestBodySize: false,
    context: (initial) => {
      const info = requestInfo(initial);
      const recheck = keyRecheck(info.principal);
      info.sql = createSqlExecutor(db.pool, recheck ? { recheck } : {});
      const services = {
        sql: info.sql,
        orm: db.orm,
        audit,
        assessment,
        failedWrites,
        idNumberMask,
        uploads: { maxBytes: uploadLimit(options.config) },
        sync: options.sync ?? null,
      };
      return {
        requestId: info.requestId,
        principal: info.principal,
        logger: info.logger,
        now,
        services,
        // Pothos' caches for this request are kept under this key (`initContextCache`), which the
        // direct path drops once the request is answered (`releaseRequestCaches`).
        [contextCacheSymbol]: {},
      };
    },
    maskedErrors,
    landingPage: false,
    logging: yogaLogging(logger),
    // GraphiQL from the gateway itself, not a CDN (county networks are often offline): a small page, its
    // 9 MB of script, style and workers as separate files cached under a content hash.
    renderGraphiQL: renderGraphiqlPage,
    graphiql: graphiqlOptions(options.developmentKey),
    plugins,
  }) as unknown as GatewayYoga;
  return { yoga, plugins, maskedErrors };
}

/** Creates the gateway's yoga app over an open database: authentication, limits, logs and the ops routes are its plugins. */
export function createGatewayYoga(options: GatewayServerOptions, metrics = createMetrics()): GatewayYoga {
  return buildGatewayYoga(options, metrics).yoga;
}

/** Creates the gateway's HTTP server over an open database: `createServer(yoga)`. */
export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  const { config } = options;
  const metrics = createMetrics();
  const assessment = options.assessment ?? defaultAssessment(options.db);
  addAssessmentMetrics(metrics, assessment);
  addAuditLinkMetrics(metrics, () => auditLinkLag(options.db.pool, (options.now ?? (() => new Date()))()));
  const { yoga, plugins, maskedErrors } = buildGatewayYoga({ ...options, assessment }, metrics);
  const direct =
    options.directPath === false
      ? null
      : createDirectGraphql({
          yoga,
          plugins,
          endpoint: GRAPHQL_ENDPOINT,
          maxBodyBytes: config.maxBodyBytes,
          maskedErrors,
          onServe: () => metrics.directRequests.inc(),
          onAnswered: releaseRequestCaches,
          onError: (error, serverContext) =>
            logHiddenError(findRequestInfo(serverContext)?.logger ?? options.logger, error),
        });
  const server = createServer(direct ? (req, res) => direct(req, res) || void yoga(req, res) : yoga);
  return {
    server,
    yoga,
    metrics,
    assessment,
    listen() {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          server.off("error", reject);
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(":") ? `[${config.host}]` : config.host;
          resolve(`http://${host}:${port}${GRAPHQL_ENDPOINT}`);
        });
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => assessment.close());
    },
  };
}
