import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, TEST_COUNTY, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: 10 });
});
afterAll(async () => {
  await gw?.close();
});

const VIEWER = "{ viewer { principalId kind regionCode permissions region { code level } } }";

describe("viewer", () => {
  it("names the caller's scope and permissions (admin expanded)", async () => {
    const town = (
      await gw.graphql<{ regions: { nodes: { code: string }[] } }>(
        `{ regions(regionCode: "${TEST_COUNTY}", filter: { level: "township" }, first: 1) { nodes { code } } }`,
      )
    ).body.data!.regions.nodes[0]!.code;
    const key = await gw.keys.create(town, ["ledger:read", "reports:submit"]);
    const res = await gw.graphql<{ viewer: Record<string, unknown> }>(VIEWER, {}, { key });
    expect(res.body.data?.viewer).toMatchObject({
      kind: "api_key",
      regionCode: town,
      permissions: ["ledger:read", "reports:submit"],
      region: { code: town, level: "township" },
    });
    const county = await gw.graphql<{ viewer: { permissions: string[] } }>(VIEWER);
    expect(county.body.data?.viewer.permissions).toEqual([
      "ledger:read",
      "personal:read",
      "ledger:write",
      "reports:submit",
      "admin",
    ]);
  });

  it("is refused without a key, with UNAUTHENTICATED", async () => {
    const res = await gw.graphql(VIEWER, {}, { key: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
