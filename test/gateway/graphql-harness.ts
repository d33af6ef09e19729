import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Permission, Principal } from "../../packages/gateway/src/auth/principal.js";
import type {
  AuditEntry,
  AuditWriter,
  GatewayContext,
  SqlExecutor,
} from "../../packages/gateway/src/context.js";
import { type Database, openDatabase } from "../../packages/gateway/src/db/database.js";
import { migrate } from "../../packages/gateway/src/db/migrate.js";
import { createSqlExecutor } from "../../packages/gateway/src/db/pool.js";
import { createGraphqlYoga, silentLogger } from "../../packages/gateway/src/graphql/yoga.js";
import { COUNTY, seedFixture, TOWN_A, TOWN_B } from "./graphql-fixture.js";

const ALL: Permission[] = ["ledger:read", "personal:read", "ledger:write", "reports:submit", "admin"];

/** Bearer tokens of the harness and the principal each stands for. */
export const PRINCIPALS: Record<string, Principal> = {
  county: { id: "key:county", kind: "api_key", regionCode: COUNTY, permissions: new Set(ALL) },
  countyRead: {
    id: "key:county-read",
    kind: "api_key",
    regionCode: COUNTY,
    permissions: new Set(["ledger:read"]),
  },
  townA: { id: "key:town-a", kind: "api_key", regionCode: TOWN_A, permissions: new Set(["ledger:read"]) },
  townAPersonal: {
    id: "key:town-a-personal",
    kind: "api_key",
    regionCode: TOWN_A,
    permissions: new Set(["ledger:read", "personal:read"]),
  },
  townAWrite: {
    id: "key:town-a-write",
    kind: "api_key",
    regionCode: TOWN_A,
    permissions: new Set(["ledger:read", "ledger:write"]),
  },
  townB: { id: "key:town-b", kind: "api_key", regionCode: TOWN_B, permissions: new Set(ALL) },
};

/** A GraphQL response as the client sees it. */
export interface GqlResponse {
  readonly status: number;
  readonly sqlStatements: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

/** The value of a top-level field of a response; fails the test when it is missing. */
export function dataOf<T>(res: GqlResponse, field: string): T {
  const value = res.body.data?.[field];
  if (value === undefined || value === null) {
    throw new Error(`no ${field} in response: ${JSON.stringify(res.body.errors ?? res.body.data)}`);
  }
  return value as T;
}

/** A running gateway over HTTP on a fresh database with the fixture. */
export interface GraphqlHarness {
  readonly url: string;
  readonly pool: Database["pool"];
  /** Posts a query with the token of `who` (null: no Authorization header). */
  gql(
    who: keyof typeof PRINCIPALS | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse>;
  /** Sets the clock of later requests. */
  setNow(now: Date): void;
  close(): Promise<void>;
}

function createAuditWriter(pool: Database["pool"]): AuditWriter {
  return {
    async append(entries: readonly AuditEntry[], tx?) {
      for (const e of entries) {
        const params = [
          e.at,
          e.principalId,
          e.action,
          e.entityType,
          e.entityId,
          e.countyCode,
          e.requestId,
          JSON.stringify(e.before ?? null),
          JSON.stringify(e.after ?? null),
          "",
          randomUUID(),
        ];
        const text =
          "insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)";
        if (tx) await tx.execute(text, params);
        else {
          let i = 0;
          await pool.query(
            text.replace(/\?/g, () => `$${++i}`),
            params,
          );
        }
      }
    },
  };
}

/** Starts the harness: a fresh database on DATABASE_URL, migrated and seeded, served over HTTP. */
export async function startGraphqlHarness(): Promise<GraphqlHarness> {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `fupin_gql_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  await admin.pool.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  const db: Database = await openDatabase({ url: dbUrl.toString() });
  await migrate(db.orm);
  await seedFixture(db.pool);
  const audit = createAuditWriter(db.pool);
  let now = new Date("2024-12-15T00:00:00Z");
  const executors = new WeakMap<Request, SqlExecutor>();
  const yoga = createGraphqlYoga({
    plugins: [
      {
        onResponse({ request, response }) {
          const sql = executors.get(request);
          if (sql) response.headers.set("x-sql-statements", String(sql.statementCount));
        },
      },
    ],
    context: (request): GatewayContext => {
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      const sql = createSqlExecutor(db.pool);
      executors.set(request, sql);
      return {
        requestId: randomUUID(),
        principal: PRINCIPALS[token] ?? null,
        logger: silentLogger(),
        now: () => now,
        services: { sql, orm: db.orm, audit },
      };
    },
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    pool: db.pool,
    async gql(who, query, variables) {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(who ? { authorization: `Bearer ${who}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        sqlStatements: Number(res.headers.get("x-sql-statements") ?? "NaN"),
        body: (await res.json()) as GqlResponse["body"],
      };
    },
    setNow(next) {
      now = next;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
