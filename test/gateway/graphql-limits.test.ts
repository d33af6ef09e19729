import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSchema, printGatewaySchema } from "@fupin/gateway";
import { undocumentedElements } from "@fupin/gateway/schema-lint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B } from "./graphql-fixture.js";
import { type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const PAGE = `query($r: String!, $first: Int) {
  households(regionCode: $r, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id householdNumber village { code name } members { name idNumber relation } incomes { year } linkages { mode entity { name } } } }
  }
}`;

describe("SQL statements per request", () => {
  it("do not grow with page size", async () => {
    const small = await h.gql("county", PAGE, { r: TOWN_A, first: 10 });
    const large = await h.gql("county", PAGE, { r: TOWN_A, first: 100 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    // the page, its total and every nested level in one statement
    expect(small.sqlStatements).toBe(1);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });
});

describe("limits", () => {
  it("refuses a query deeper than 10 levels", async () => {
    const deep = `{ households(regionCode: "${TOWN_A}", first: 1) { nodes { members { household { members { household { members { household { members { household { members { name } } } } } } } } } } } }`;
    const res = await h.gql("county", deep);
    expect(res.body.errors?.[0]?.message).toMatch(/depth limit of 10/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(res.body.data).toBeUndefined();
  });

  it("refuses more than 30 aliases", async () => {
    const aliases = Array.from(
      { length: 31 },
      (_, i) => `a${i}: industries(regionCode: "${TOWN_A}", first: 1) { totalCount }`,
    );
    const res = await h.gql("county", `{ ${aliases.join("\n")} }`);
    expect(res.body.errors?.[0]?.message).toMatch(/Aliases limit of 30/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_ALIASES");
  });

  it("refuses a query whose cost is too high, naming the limit", async () => {
    const res = await h.gql(
      "county",
      `{ households(regionCode: "${TOWN_A}", first: 100) { nodes { members { household { members { household { linkages { years { year } } } } } } } } }`,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.body.errors?.[0]?.message).toMatch(/exceeds the limit of/);
  });

  it("weighs one document by the variables of each request (the cost kept per operation and variables)", async () => {
    const costly = `query($r: String!, $first: Int) { households(regionCode: $r, first: $first) { nodes { members { household { members { household { linkages { years { year } } } } } } } } }`;
    for (const first of [1, 100, 1, 100]) {
      const res = await h.gql("county", costly, { r: TOWN_A, first });
      if (first === 1) expect(res.body.errors).toBeUndefined();
      else expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    }
  });

  it("refuses more than 100 ids in one nodes lookup", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Household:h-A-${i}`).toString("base64"));
    const res = await h.gql("county", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.extensions?.field).toBe("ids");
  });

  it("refuses a document of too many tokens", async () => {
    const fields = Array.from({ length: 3100 }, () => "__typename").join(" ");
    const res = await h.gql("county", `{ ${fields} }`);
    expect(res.body.errors?.[0]?.message).toMatch(/Token limit of 3000/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_TOKENS");
  });

  it("refuses more than 20 directives with a code", async () => {
    const directives = Array.from({ length: 21 }, () => "@include(if: true)").join(" ");
    const res = await h.gql("county", `{ __typename ${directives} }`);
    expect(res.body.errors?.[0]?.message).toMatch(/Directives limit of 20/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_DIRECTIVES");
  });

  it("refuses a malformed cursor naming after", async () => {
    const res = await h.gql(
      "county",
      `{ households(regionCode: "${TOWN_A}", after: "bm9wZQ") { totalCount } }`,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.extensions?.field).toBe("after");
  });

  it("a typed GraphQLError reaches the client unmasked (fails if two copies of graphql are loaded)", async () => {
    const res = await h.gql("townA", `{ households(regionCode: "${TOWN_B}") { totalCount } }`);
    expect(res.body.errors?.[0]?.message).toBe(`region ${TOWN_B} is outside your scope`);
    expect(res.body.errors?.[0]?.message).not.toBe("Unexpected error.");
    expect(res.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
  });
});

describe("committed SDL", () => {
  it("matches the schema", () => {
    const file = fileURLToPath(new URL("../../packages/gateway/schema.graphql", import.meta.url));
    expect(
      readFileSync(file, "utf8") === printGatewaySchema(),
      "packages/gateway/schema.graphql drifted from the schema: run `pnpm --filter @fupin/gateway run print-schema` and commit it",
    ).toBe(true);
  });

  it("describes every type and field", () => {
    const undocumented = undocumentedElements(createSchema());
    expect(undocumented).toEqual([]);
  });
});
