import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY, householdId, TOWN_A, TOWN_B, VILLAGE_B } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const LISTS = [
  "regions",
  "villages",
  "households",
  "members",
  "incomes",
  "industries",
  "villageIndustries",
  "householdIndustries",
  "entities",
  "entityActivities",
  "linkages",
  "linkageYears",
  "subsidies",
  "technicalServices",
  "funds",
  "fundUses",
  "projects",
  "responsibilities",
  "rectifications",
  "monitorings",
  "householdCredits",
  "creditReturns",
  "fundDisbursements",
] as const;

/** Everything township A's key can reach from its own township, nested relations included. */
const DUMP = `query($r: String!) {
  regions(regionCode: $r, first: 20) { nodes { recordId: code name parent { code name } } }
  households(regionCode: $r, first: 20) { nodes { recordId village { name } members { recordId name }
    linkages { recordId entity { recordId name linkages { recordId household { recordId } } } years { recordId } }
    subsidies { recordId fund { recordId name } } helpers { recordId township { name } } } }
  entities(regionCode: $r, first: 20) { nodes { recordId name linkages { recordId household { recordId members { name } } } activities { recordId } } }
  projects(regionCode: $r, first: 20) { nodes { recordId beneficiaryHouseholds { recordId } entity { recordId } fundUses { recordId fund { recordId } } } }
  linkages(regionCode: $r, first: 20) { nodes { recordId entity { recordId name } household { recordId } } }
  subsidies(regionCode: $r, first: 20) { nodes { recordId fund { recordId name } household { recordId } } }
  technicalServices(regionCode: $r, first: 20) { nodes { recordId households { recordId } } }
  funds(regionCode: $r, first: 20) { nodes { recordId uses { recordId project { recordId } } } }
  rectifications(regionCode: $r, first: 20) { nodes { recordId township { name } } }
}`;

function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

describe("region scope: a township key sees nothing of another township", () => {
  it.each(LISTS)("%s refuses another township and the county with REGION_OUT_OF_SCOPE", async (field) => {
    for (const region of [TOWN_B, VILLAGE_B, COUNTY]) {
      const res = await h.gql("townA", `query($r: String!) { ${field}(regionCode: $r) { totalCount } }`, {
        r: region,
      });
      expect(res.body.errors?.[0]?.extensions?.code, `${field} ${region}`).toBe("REGION_OUT_OF_SCOPE");
      expect(res.body.data).toBeNull();
    }
  });

  it("metrics and findings refuse another township", async () => {
    for (const q of [
      `{ metrics(regionCode: "${TOWN_B}", year: 2024) { code value } }`,
      `{ findings(regionCode: "${TOWN_B}", year: 2024) { code subjectId } }`,
      `{ findings(regionCode: "${COUNTY}", year: 2024) { code subjectId } }`,
    ]) {
      const res = await h.gql("townA", q);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    }
  });

  it("node lookup of another township's records is null", async () => {
    const ids = [
      globalId("Household", householdId("B", 1)),
      globalId("Member", "m-B-241"),
      globalId("BusinessEntity", "ent-B"),
      globalId("Linkage", "lk-B"),
      globalId("Project", "prj-B"),
      globalId("Fund", "fund-B"),
      globalId("Fund", "fund-county"),
      globalId("Rectification", "rect-B"),
      globalId("Region", TOWN_B),
      globalId("Region", COUNTY),
    ];
    const res = await h.gql("townA", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.nodes).toEqual(ids.map(() => null));
    const own = await h.gql("townA", `query($id: ID!) { node(id: $id) { ... on Household { recordId } } }`, {
      id: globalId("Household", householdId("A", 1)),
    });
    expect(own.body.data?.node).toEqual({ recordId: householdId("A", 1) });
    const county = await h.gql(
      "county",
      `query($id: ID!) { node(id: $id) { ... on Household { recordId } } }`,
      {
        id: globalId("Household", householdId("B", 1)),
      },
    );
    expect(county.body.data?.node).toEqual({ recordId: householdId("B", 1) });
  });

  it("nested relations never reach another township's records", async () => {
    const res = await h.gql("townA", DUMP, { r: TOWN_A });
    expect(res.body.errors).toBeUndefined();
    const text = JSON.stringify(res.body.data);
    expect(text).not.toMatch(/"recordId":"[^"]*-B\b/);
    expect(text).not.toMatch(/镇B|村B|合作社B|户主B|配偶B|fund-county/);
    // The cross-township linkage is township A's record, but its entity (registered in B) reads as null.
    const linkages = dataOf<{ nodes: { recordId: string; entity: unknown }[] }>(res, "linkages").nodes;
    expect(linkages.find((l) => l.recordId === "lk-cross")?.entity).toBeNull();
  });

  it("the county key reaches both townships through the same paths", async () => {
    const res = await h.gql("county", DUMP, { r: COUNTY });
    expect(res.body.errors).toBeUndefined();
    const text = JSON.stringify(res.body.data);
    expect(text).toMatch(/合作社B/);
    expect(text).toMatch(/"recordId":"lk-cross"/);
  });

  it("findings of township A name only township A's subjects", async () => {
    const res = await h.gql(
      "townA",
      `{ findings(regionCode: "${TOWN_A}", year: 2024) { code severity regionCode subjectId evidence message messageEn } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const findings = res.body.data?.findings as {
      regionCode: string;
      subjectId: string;
      evidence: string[];
    }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.regionCode.startsWith(TOWN_A)).toBe(true);
      // Evidence may name the id of another township's entity a township-A linkage points to (LINKAGE.FORCED);
      // an entity finding judged on township A's households (ENTITY.SHIELD, LINKAGE.YEAR_TWO_EXIT,
      // ENTITY.EMPTY_SHELL) has that entity as subject, and of township A's records only its linkages as evidence.
      if (f.subjectId === "ent-B") expect(f.evidence.filter((id) => id !== "ent-B")).toEqual(["lk-cross"]);
      else expect(f.subjectId).not.toMatch(/-B\b|fund-B|360723101/);
    }
    const onEntityB = findings
      .filter((f) => f.subjectId === "ent-B")
      .map((f) => (f as { code?: string }).code);
    expect(onEntityB).toContain("ENTITY.SHIELD");
    for (const code of onEntityB)
      expect(["ENTITY.SHIELD", "LINKAGE.YEAR_TWO_EXIT", "ENTITY.EMPTY_SHELL", "LINKAGE.FORCED"]).toContain(
        code,
      );
    const metrics = await h.gql(
      "townA",
      `{ metrics(regionCode: "${TOWN_A}", year: 2024) { code value numerator denominator } }`,
    );
    expect(metrics.body.errors).toBeUndefined();
    const coverage = dataOf<{ code: string; denominator: number }[]>(metrics, "metrics").find(
      (m) => m.code === "INDUSTRY_SUPPORT_COVERAGE",
    );
    expect(coverage?.denominator).toBe(120);
  });

  it("filters findings by code", async () => {
    const res = await h.gql(
      "county",
      `{ findings(regionCode: "${COUNTY}", year: 2024, codes: ["OUTCOME.LOW_SURVIVAL"]) { code subjectId } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const findings = res.body.data?.findings as { code: string; subjectId: string }[];
    expect(findings.map((f) => f.subjectId).sort()).toEqual([householdId("A", 1), householdId("B", 1)]);
    const bad = await h.gql(
      "county",
      `{ findings(regionCode: "${COUNTY}", year: 2024, codes: ["NOPE"]) { code } }`,
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.body.errors?.[0]?.extensions?.field).toMatch(/^codes/);
  });

  it("refuses unauthenticated requests and keys without ledger:read", async () => {
    const res = await h.gql(null, `{ households(regionCode: "${TOWN_A}") { totalCount } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
