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

describe("filters", () => {
  it("every filter field of every list runs", async () => {
    const intro = await h.gql(
      "county",
      `{ __schema { queryType { fields { name args { name type { name kind } } } } types { name kind inputFields { name type { name kind enumValues { name } ofType { name kind } } } } } }`,
    );
    interface InputField {
      name: string;
      type: {
        name: string | null;
        kind: string;
        enumValues: { name: string }[] | null;
        ofType: { name: string; kind: string } | null;
      };
    }
    const schema = dataOf<{
      queryType: { fields: { name: string; args: { name: string; type: { name: string | null } }[] }[] };
      types: { name: string; inputFields: InputField[] | null }[];
    }>(intro, "__schema");
    const inputs = new Map(schema.types.map((t) => [t.name, t.inputFields ?? []]));
    const sample = (f: InputField): unknown => {
      if (f.type.kind === "ENUM") return f.type.enumValues?.[0]?.name;
      if (f.type.kind === "LIST") return ["x"];
      if (f.type.name === "Int") return 2024;
      if (f.type.name === "Boolean") return true;
      if (/Code$/.test(f.name)) return TOWN_A;
      if (f.name === "inForceOn") return "2024-06-01";
      return "x";
    };
    let runs = 0;
    for (const field of schema.queryType.fields) {
      const filterType = field.args.find((a) => a.name === "filter")?.type.name;
      if (!filterType) continue;
      for (const f of inputs.get(filterType) ?? []) {
        const res = await h.gql(
          "county",
          `query($filter: ${filterType}) { ${field.name}(regionCode: "360723", filter: $filter) { totalCount nodes { __typename } } }`,
          { filter: { [f.name]: sample(f) } },
        );
        expect(res.body.errors, `${field.name}.${f.name}`).toBeUndefined();
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(60);
  });

  it.each([
    ["linkages", "LinkageFilter", { year: 2024, mode: "employment" }, ["lk-cross"]],
    ["linkages", "LinkageFilter", { year: 2022 }, []],
    ["subsidies", "SubsidyFilter", { year: 2024, kind: "award" }, ["sub-cross"]],
    ["technicalServices", "TechnicalServiceFilter", { householdId: "h-A-001" }, ["svc-A"]],
    [
      "rectifications",
      "RectificationFilter",
      { findingCode: "OUTCOME.LOW_SURVIVAL", status: "open" },
      ["rect-A", "rect-B"],
    ],
    ["projects", "ProjectFilter", { stage: "application", year: 2024 }, ["prj-A", "prj-B"]],
    ["monitorings", "MonitoringFilter", { active: true }, ["mon-A", "mon-B"]],
    ["householdCredits", "HouseholdCreditFilter", { placedIn: 2023, entityId: "ent-B" }, ["cr-B"]],
    ["householdCredits", "HouseholdCreditFilter", { placedIn: 2024 }, []],
    ["creditReturns", "CreditReturnFilter", { year: 2024, kind: "dividend" }, ["crr-A", "crr-B"]],
    ["fundDisbursements", "FundDisbursementFilter", { year: 2024, projectId: "prj-A" }, ["dis-A"]],
    ["fundDisbursements", "FundDisbursementFilter", { year: 2023 }, []],
    [
      "responsibilities",
      "ResponsibilityFilter",
      { kind: "village_responsible_person", villageCode: VILLAGE_A },
      ["resp-v-A"],
    ],
    ["villages", "VillageFilter", { townshipCode: TOWN_A }, [VILLAGE_A]],
    ["responsibilities", "ResponsibilityFilter", { inForceOn: "2019-01-01" }, []],
    ["fundUses", "FundUseFilter", { category: "photovoltaic" }, ["fu-A", "fu-B"]],
  ] as const)("%s filtered by %j", async (field, type, filter, ids) => {
    const res = await h.gql(
      "county",
      `query($filter: ${type}) { ${field}(regionCode: "360723", filter: $filter) { totalCount nodes { key: ${field === "villages" ? "code" : "recordId"} } } }`,
      { filter },
    );
    expect(res.body.errors).toBeUndefined();
    const conn = dataOf<{ totalCount: number; nodes: { key: string }[] }>(res, field);
    const got = conn.nodes.map((n) => n.key);
    expect(got).toEqual(ids);
    expect(conn.totalCount).toBe(ids.length);
  });
});

describe("argument validation", () => {
  it.each([
    [`{ households(regionCode: "36072x") { totalCount } }`, "regionCode"],
    [`{ metrics(regionCode: "${TOWN_A}", year: 1999) { code } }`, "year"],
    [`{ households(regionCode: "${TOWN_A}", first: -1) { totalCount } }`, "first"],
  ])("%s is BAD_USER_INPUT naming %s", async (query, field) => {
    const res = await h.gql("county", query);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.body.errors?.[0]?.message).toMatch(new RegExp(`^invalid input: ${field}: `));
  });
});
