import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B } from "./graphql-fixture.js";
import { type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

// Issue 8, point 8: refusals without a code, a wrong variable named, an audit entry for personal
// data that never reached the client, an invalid-JSON error echoing its cause.

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

async function personalReads(): Promise<number> {
  const r = await h.pool.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'read_personal'",
  );
  return r.rows[0]!.n;
}

describe("error shapes", () => {
  it("a variable of the wrong type is BAD_USER_INPUT naming that variable", async () => {
    const res = await h.gql(
      "townA",
      `query($a: Int, $b: Int) { households(regionCode: "${TOWN_A}", first: $a) { nodes { recordId } } v: villages(regionCode: "${TOWN_A}", first: $b) { totalCount } }`,
      { a: 1, b: "two" },
    );
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "b" });
    expect(res.body.errors?.[0]?.message).toMatch(/\$b/);
  });

  it("a global id this API did not issue is BAD_USER_INPUT naming the argument", async () => {
    for (const id of [
      "nope",
      Buffer.from("Nothing:1").toString("base64"),
      Buffer.from("Member:\u0000").toString("base64"),
    ]) {
      const res = await h.gql("townA", "query($id: ID!) { node(id: $id) { id } }", { id });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    }
  });

  it("personal data nulled by another field's error is not audited as read; shown data is", async () => {
    const members = `members(regionCode: "${TOWN_A}", first: 2) { nodes { idNumber } }`;
    const before = await personalReads();
    const nulled = await h.gql(
      "townAPersonal",
      `{ ${members} other: households(regionCode: "${TOWN_B}", first: 1) { totalCount } }`,
    );
    expect(nulled.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    expect(nulled.body.data ?? null).toBeNull();
    expect(await personalReads()).toBe(before);
    const shown = await h.gql("townAPersonal", `{ ${members} }`);
    expect(shown.body.errors).toBeUndefined();
    expect(await personalReads()).toBe(before + 1);
  });

  it("an invalid JSON body is refused with a code and without its cause echoed", async () => {
    const res = await h.gateway.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.gateway.keys.county}` },
      body: '{"query": "{ __typename }"',
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions?: Record<string, unknown> }[];
    };
    expect(res.status).toBe(400);
    expect(body.errors[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(body)).not.toMatch(/originalError|SyntaxError|position/);
  });
});
