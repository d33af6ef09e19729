import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUSEHOLDS_A, TOWN_A, VILLAGE_A } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOUSEHOLDS = `query($region: String!, $first: Int, $after: String, $filter: HouseholdFilter) {
  households(regionCode: $region, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id recordId householdNumber village { code name } members { name idNumber relation } } }
  }
}`;

describe("households (integration contract)", () => {
  it("pages through a township's households in id order with totalCount", async () => {
    const first = await h.gql("county", HOUSEHOLDS, { region: TOWN_A, first: 100 });
    expect(first.body.errors).toBeUndefined();
    const conn = first.body.data?.households as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { recordId: string; village: { code: string }; members: { idNumber: string }[] } }[];
    };
    expect(conn.totalCount).toBe(HOUSEHOLDS_A);
    expect(conn.edges).toHaveLength(100);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(conn.edges[0]?.node.village.code).toBe(VILLAGE_A);
    expect(conn.edges[0]?.node.members).toHaveLength(2);
    const second = await h.gql("county", HOUSEHOLDS, {
      region: TOWN_A,
      first: 100,
      after: conn.pageInfo.endCursor,
    });
    const rest = second.body.data?.households as {
      edges: { node: { recordId: string } }[];
      pageInfo: { hasNextPage: boolean };
    };
    expect(rest.edges).toHaveLength(HOUSEHOLDS_A - 100);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const ids = [...conn.edges, ...rest.edges].map((e) => e.node.recordId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(HOUSEHOLDS_A);
  });

  it("filters by poverty status", async () => {
    const res = await h.gql("county", HOUSEHOLDS, {
      region: TOWN_A,
      first: 5,
      filter: { povertyStatus: "exited" },
    });
    expect(dataOf<{ totalCount: number }>(res, "households").totalCount).toBe(HOUSEHOLDS_A / 2);
  });

  it("refuses a page larger than 100 with BAD_USER_INPUT naming first", async () => {
    const res = await h.gql("county", HOUSEHOLDS, { region: TOWN_A, first: 101 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.extensions?.field).toBe("first");
  });
});
