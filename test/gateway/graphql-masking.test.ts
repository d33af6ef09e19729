import { maskIdNumber } from "@fupin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, idNumberOf, TOWN_A } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const QUERY = `query($r: String!) {
  households(regionCode: $r, first: 2) { nodes { recordId phone bankAccount members { recordId idNumber } helpers { personPhone } } }
}`;

interface Households {
  nodes: {
    recordId: string;
    phone: string;
    bankAccount: string;
    members: { recordId: string; idNumber: string }[];
    helpers: { personPhone: string }[];
  }[];
}

async function personalReads(): Promise<
  { principal_id: string; after: { records: Record<string, string[]> } }[]
> {
  const res = await h.pool.query<{ principal_id: string; after: { records: Record<string, string[]> } }>(
    "select principal_id, after from audit_log where action = 'read_personal' order by seq",
  );
  return res.rows;
}

describe("personal data", () => {
  it("is masked without personal:read, and nothing is audited", async () => {
    const before = (await personalReads()).length;
    const res = await h.gql("townA", QUERY, { r: TOWN_A });
    expect(res.body.errors).toBeUndefined();
    const [first] = dataOf<Households>(res, "households").nodes;
    expect(first?.members[0]?.idNumber).toBe(maskIdNumber(idNumberOf(1)));
    expect(first?.members[0]?.idNumber).toMatch(/^360723\*{11}[\dX]$/);
    expect(first?.phone).toBe("138****5678");
    expect(first?.bankAccount).toBe("***************0123");
    expect(first?.helpers[0]?.personPhone).toBe("139****1111");
    expect((await personalReads()).length).toBe(before);
  });

  it("is shown with personal:read, and the request is audited once with every record id", async () => {
    const before = (await personalReads()).length;
    const res = await h.gql("townAPersonal", QUERY, { r: TOWN_A });
    expect(res.body.errors).toBeUndefined();
    const nodes = dataOf<Households>(res, "households").nodes;
    expect(nodes[0]?.members[0]?.idNumber).toBe(idNumberOf(1));
    expect(nodes[0]?.phone).toBe("13812345678");
    const reads = await personalReads();
    expect(reads.length).toBe(before + 1);
    const entry = reads.at(-1);
    expect(entry?.principal_id).toMatch(/^key:/);
    expect(entry?.after.records.member).toEqual(
      nodes.flatMap((n) => n.members.map((m) => m.recordId)).sort(),
    );
    expect(entry?.after.records.household).toEqual([householdId("A", 1), householdId("A", 2)]);
    expect(entry?.after.records.responsibility).toEqual(["resp-A"]);
  });

  it("a request that reads no personal field is not audited", async () => {
    const before = (await personalReads()).length;
    const res = await h.gql(
      "townAPersonal",
      `{ households(regionCode: "${TOWN_A}", first: 5) { nodes { recordId } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect((await personalReads()).length).toBe(before);
  });
});
