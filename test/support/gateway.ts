import {
  createApiKey,
  createGatewayServer,
  createLogger,
  type GatewayConfig,
  type GatewayServer,
  PERMISSIONS,
  type Permission,
  type SyncService,
  seedSyntheticCounty,
} from "@fupin/gateway";
import { createTestDatabase, type TestDatabase } from "./database.js";

/** The county of the synthetic ledger. */
export const TEST_COUNTY = "360723";

/** An HTTP response read in full: status, headers and the parsed JSON body (or the text). */
export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A GraphQL response body. */
export interface GraphqlBody<D = Record<string, unknown>> {
  readonly data?: D | null;
  readonly errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

/** Options of `startTestGateway`. */
export interface TestGatewayOptions {
  /** Households of the synthetic county to load; 0 loads nothing. Default 200. */
  readonly seedHouseholds?: number;
  /** The clock of request handling and seeding (the synthetic year follows it). Default the real clock. */
  readonly now?: () => Date;
  /** Configuration overrides (port is always 0). */
  readonly config?: Partial<GatewayConfig>;
  /** Use an embedded PostgreSQL even when DATABASE_URL is set. */
  readonly forceEmbedded?: boolean;
  /** Listen on a real port and go over HTTP; default false: requests go to `yoga.fetch` in process. */
  readonly http?: boolean;
  /** Give the server a development key (ledger:read of the county), filled into GraphiQL for loopback requests. */
  readonly developmentKey?: boolean;
  /** Collect log lines in `logs` (JSON objects) instead of discarding them. */
  readonly captureLogs?: boolean;
  /** Starts the sync pipeline the server queues runs and schedules through (e.g. a worker on the test database). */
  readonly sync?: (db: TestDatabase) => Promise<SyncService>;
}

/** The gateway's yoga app (in process) or its HTTP server on port 0, over a fresh database, with keys and fetch helpers. */
export interface TestGateway {
  /** The /graphql URL (`http://fupin.test/graphql` in process). */
  readonly url: string;
  /** The server origin (`http://127.0.0.1:<port>`, or `http://fupin.test` in process). */
  readonly origin: string;
  readonly db: TestDatabase;
  readonly server: GatewayServer;
  readonly config: GatewayConfig;
  /** The development key (ledger:read of the county), with `developmentKey`. */
  readonly developmentKey?: string;
  /** Log lines written so far (with `captureLogs`). */
  readonly logs: Record<string, unknown>[];
  readonly keys: {
    /** A county-wide key with every permission. */
    readonly county: string;
    /** Creates a key for a region with the given permissions (default ledger:read). */
    create(regionCode: string, permissions?: readonly Permission[], label?: string): Promise<string>;
  };
  /** POSTs a GraphQL operation with a key (default the county key; null sends no Authorization). */
  graphql<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { key?: string | null; headers?: Record<string, string> },
  ): Promise<TestResponse<GraphqlBody<D>>>;
  /** Fetches a path on the server (e.g. `/health`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The gateway on a fresh migrated database seeded with a small synthetic county: its yoga app in process, or (`http: true`) its HTTP server on port 0. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const db = await createTestDatabase(options.forceEmbedded ? { forceEmbedded: true } : {});
  const logs: Record<string, unknown>[] = [];
  const logger = options.captureLogs
    ? createLogger("info", {
        write(line: string) {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        },
      })
    : createLogger("silent");
  const config: GatewayConfig = {
    host: "127.0.0.1",
    logLevel: "silent",
    rateLimitPerMinute: 100_000,
    authFailuresPerMinute: 100_000,
    failedWritesPerHour: 100_000,
    maxBodyBytes: 1024 * 1024,
    exposeSqlCount: true,
    ...options.config,
    port: 0,
  };
  let server: GatewayServer | undefined;
  try {
    const households = options.seedHouseholds ?? 200;
    if (households > 0) {
      await seedSyntheticCounty(db.pool, db.orm, {
        households,
        ...(options.now ? { now: options.now } : {}),
      });
    }
    const county = await createApiKey(db.pool, {
      regionCode: TEST_COUNTY,
      permissions: [...PERMISSIONS],
      label: "test county",
    });
    const developmentKey = options.developmentKey
      ? (
          await createApiKey(db.pool, {
            regionCode: TEST_COUNTY,
            permissions: ["ledger:read"],
            label: "development",
          })
        ).key
      : undefined;
    const sync = options.sync ? await options.sync(db) : undefined;
    server = createGatewayServer({
      config,
      db,
      logger,
      ...(sync ? { sync } : {}),
      ...(developmentKey ? { developmentKey } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const url = options.http ? await server.listen() : "http://fupin.test/graphql";
    const origin = new URL(url).origin;
    const started = server;
    const send = (request: Request): Promise<Response> =>
      options.http ? fetch(request) : Promise.resolve(started.yoga.fetch(request));
    return {
      url,
      origin,
      db,
      server: started,
      config,
      logs,
      ...(developmentKey ? { developmentKey } : {}),
      keys: {
        county: county.key,
        async create(regionCode, permissions = ["ledger:read"], label = "test") {
          return (await createApiKey(db.pool, { regionCode, permissions, label })).key;
        },
      },
      async graphql<D>(
        query: string,
        variables?: Record<string, unknown>,
        o: { key?: string | null; headers?: Record<string, string> } = {},
      ) {
        const key = o.key === undefined ? county.key : o.key;
        const res = await send(
          new Request(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/graphql-response+json, application/json",
              ...(key ? { authorization: `Bearer ${key}` } : {}),
              ...o.headers,
            },
            body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
          }),
        );
        const text = await res.text();
        let body: GraphqlBody<D>;
        try {
          body = JSON.parse(text) as GraphqlBody<D>;
        } catch {
          body = { errors: [{ message: text }] };
        }
        return { status: res.status, headers: res.headers, body };
      },
      fetch(path, init) {
        return send(new Request(new URL(path, origin), init));
      },
      async close() {
        await started.close();
        await db.close();
      },
    };
  } catch (e) {
    await server?.close();
    await db.close();
    throw e;
  }
}
