import type { GatewayConfig, Permission } from "@fupin/gateway";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { COUNTY, seedFixture, TOWN_A, TOWN_B } from "./graphql-fixture.js";

const ALL: Permission[] = ["ledger:read", "personal:read", "ledger:write", "reports:submit", "admin"];

/** The keys of the harness: region and permissions of each. */
const KEYS = {
  county: [COUNTY, ALL],
  countyRead: [COUNTY, ["ledger:read"]],
  townA: [TOWN_A, ["ledger:read"]],
  townAPersonal: [TOWN_A, ["ledger:read", "personal:read"]],
  townAWrite: [TOWN_A, ["ledger:read", "ledger:write"]],
  townB: [TOWN_B, ALL],
  province: ["36", ["ledger:read", "ledger:write"]],
} as const satisfies Record<string, readonly [string, readonly Permission[]]>;

/** A key of the harness. */
export type HarnessKey = keyof typeof KEYS;

/** A GraphQL response as the client sees it. */
export interface GqlResponse {
  readonly status: number;
  readonly sqlStatements: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: readonly {
      message: string;
      path?: readonly (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
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

/** The real gateway over HTTP on a fresh database holding the two-township fixture. */
export interface GraphqlHarness {
  readonly gateway: TestGateway;
  readonly pool: TestGateway["db"]["pool"];
  /** Posts a query with the key of `who` (null: no Authorization header). */
  gql(who: HarnessKey | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse>;
  /** Sets the clock of later requests. */
  setNow(now: Date): void;
  close(): Promise<void>;
}

/** Starts the gateway over HTTP (test support's real server, real keys, `config` overrides) and loads the fixture. */
export async function startGraphqlHarness(
  config: Partial<GatewayConfig> = {},
  options: { readonly captureLogs?: boolean } = {},
): Promise<GraphqlHarness> {
  let now = new Date("2024-12-15T00:00:00Z");
  const gateway = await startTestGateway({
    seedHouseholds: 0,
    now: () => now,
    config,
    http: true,
    ...options,
  });
  try {
    await seedFixture(gateway.db.pool);
    const keys = new Map<HarnessKey, string>();
    for (const [name, [region, permissions]] of Object.entries(KEYS) as [
      HarnessKey,
      (typeof KEYS)[HarnessKey],
    ][]) {
      keys.set(name, await gateway.keys.create(region, permissions, `graphql test ${name}`));
    }
    return {
      gateway,
      pool: gateway.db.pool,
      async gql(who, query, variables) {
        const res = await gateway.graphql(query, variables, {
          key: who === null ? null : (keys.get(who) ?? null),
        });
        return {
          status: res.status,
          sqlStatements: Number(res.headers.get("x-sql-statements") ?? "NaN"),
          body: res.body as GqlResponse["body"],
        };
      },
      setNow(next) {
        now = next;
      },
      close: () => gateway.close(),
    };
  } catch (e) {
    await gateway.close();
    throw e;
  }
}
