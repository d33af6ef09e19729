import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY, TOWN_A, VILLAGE_A } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOUSEHOLD = `
  id householdNumber phone otherCauses
  village { code name parent { code name } }
  members { id name idNumber relation household { householdNumber } }
  incomes { year wageFen }
  subsidies { amountFen date fund { name } }
  linkages { mode signedDate entity { name region { code } } years { tookPart receivedFen monthsWorked } }
  helpers { id }`;

type Row = { id: string } & Record<string, unknown>;

describe("the one-statement read of a connection", () => {
  it("answers nested relations as the per-level loaders do (node lookup), scope cuts included", async () => {
    const page = await h.gql(
      "townA",
      `query($r: String!) { households(regionCode: $r, first: 40) { nodes { ${HOUSEHOLD} } } }`,
      {
        r: TOWN_A,
      },
    );
    expect(page.body.errors).toBeUndefined();
    expect(page.sqlStatements).toBe(1);
    const rows = dataOf<{ nodes: Row[] }>(page, "households").nodes;
    expect(rows.length).toBe(40);
    const looked = await h.gql(
      "townA",
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Household { ${HOUSEHOLD} } } }`,
      {
        ids: rows.map((r) => r.id),
      },
    );
    expect(looked.body.errors).toBeUndefined();
    expect(looked.sqlStatements).toBeGreaterThan(1);
    expect(dataOf<Row[]>(looked, "nodes")).toEqual(rows);
    const linkages = rows.flatMap((r) => r.linkages as { entity: unknown }[]);
    // lk-cross names township B's entity: out of township A's scope, it reads null on both paths.
    expect(linkages.some((l) => l.entity === null)).toBe(true);
    expect(linkages.some((l) => l.entity !== null)).toBe(true);
    expect(rows.some((r) => (r.members as unknown[]).length > 0)).toBe(true);
  });

  it("answers aliases, fragments, and edges beside nodes with their own selections", async () => {
    const res = await h.gql(
      "townAPersonal",
      `query($r: String!) {
        households(regionCode: $r, first: 3) {
          totalCount
          edges { cursor node { ...H a: members { name } } }
          nodes { id b: members { idNumber } village { name } }
        }
      }
      fragment H on Household { householdNumber members { relation } }`,
      { r: VILLAGE_A },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.sqlStatements).toBe(1);
    const households = dataOf<{
      totalCount: number;
      edges: { node: { householdNumber: string; a: { name: string }[]; members: { relation: string }[] } }[];
      nodes: { id: string; b: { idNumber: string }[]; village: { name: string } }[];
    }>(res, "households");
    expect(households.totalCount).toBeGreaterThan(3);
    const first = households.edges[0]!.node;
    expect(first.a.length).toBeGreaterThan(0);
    expect(Object.keys(first.a[0]!)).toEqual(["name"]);
    expect(first.members.map((m) => Object.keys(m))).toEqual(first.a.map(() => ["relation"]));
    const ids = households.nodes[0]!.b.map((m) => m.idNumber);
    expect(ids.length).toBe(first.a.length);
    expect(ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    expect(households.nodes[0]!.village.name).toBeTruthy();
    const audited = await h.pool.query<{ after: { records: Record<string, string[]> } }>(
      "select after from audit_log where action = 'read_personal' order by seq desc limit 1",
    );
    const memberIds = audited.rows[0]?.after.records.member ?? [];
    expect(memberIds.length).toBe(households.nodes.flatMap((n) => n.b).length);
  });

  it("masks personal data read in one statement for a caller without personal:read", async () => {
    const res = await h.gql(
      "townA",
      `query($r: String!) { households(regionCode: $r, first: 5) { nodes { phone members { idNumber } } } }`,
      {
        r: TOWN_A,
      },
    );
    const rows = dataOf<{ nodes: { phone: string | null; members: { idNumber: string }[] }[] }>(
      res,
      "households",
    ).nodes;
    const ids = rows.flatMap((r) => r.members.map((m) => m.idNumber));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.includes("*"))).toBe(true);
    expect(res.sqlStatements).toBe(1);
  });

  it("answers an empty page and its total in the one statement, and pages in key order", async () => {
    const empty = await h.gql(
      "townA",
      `query($r: String!) {
        households(regionCode: $r, first: 5, filter: { householdNumber: "NO-SUCH-HOUSEHOLD" }) {
          totalCount nodes { id members { name } }
        }
      }`,
      { r: TOWN_A },
    );
    expect(empty.body.errors).toBeUndefined();
    expect(dataOf(empty, "households")).toEqual({ totalCount: 0, nodes: [] });
    expect(empty.sqlStatements).toBe(1);
    const page = await h.gql(
      "townA",
      `query($r: String!) { households(regionCode: $r, first: 40) { totalCount nodes { recordId } } }`,
      { r: TOWN_A },
    );
    const { totalCount, nodes } = dataOf<{ totalCount: number; nodes: { recordId: string }[] }>(
      page,
      "households",
    );
    const ids = nodes.map((n) => n.recordId);
    const ordered = await h.pool.query<{ id: string }>(
      "select id from household where village_code like $1 order by id limit 40",
      [`${TOWN_A}%`],
    );
    expect(ids).toEqual(ordered.rows.map((r) => r.id));
    expect(ids.length).toBeGreaterThan(1);
    expect(totalCount).toBeGreaterThanOrEqual(ids.length);
  });

  it("reads a repeated document within each caller's own scope (a compiled statement is per region)", async () => {
    const doc = `query($r: String!) { households(regionCode: $r, first: 40) { nodes { id linkages { entity { name region { code } } } } } }`;
    const entities = async (user: "county" | "townA") => {
      const res = await h.gql(user, doc, { r: TOWN_A });
      expect(res.body.errors).toBeUndefined();
      const nodes = dataOf<{ nodes: { linkages: { entity: { region: { code: string } } | null }[] }[] }>(
        res,
        "households",
      ).nodes;
      return nodes.flatMap((n) => n.linkages.map((l) => l.entity?.region.code ?? null));
    };
    const county = await entities("county");
    const town = await entities("townA");
    expect(await entities("county")).toEqual(county);
    // lk-cross names township B's entity: the county caller reads it, township A's reads null.
    expect(county.every((c) => c?.startsWith(COUNTY))).toBe(true);
    expect(town.filter((c) => c === null).length).toBeGreaterThan(0);
    expect(town.filter((c) => c !== null)).toEqual(county.filter((c) => c!.startsWith(TOWN_A)));
  });
});
