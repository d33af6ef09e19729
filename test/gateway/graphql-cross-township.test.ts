// Bug guarded: township B's project lists a beneficiary household of township A (prj-B names A's
// third household). B's ledger slice failed validation (a dangling household reference), so metrics,
// findings and reportPreview of B answered with a masked internal error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, TOWN_B } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("a township whose project names a household of another township", () => {
  it.each([
    ["metrics", `{ metrics(regionCode: "${TOWN_B}", year: 2024) { code numerator denominator } }`],
    ["findings", `{ findings(regionCode: "${TOWN_B}", year: 2024) { code regionCode subjectId evidence } }`],
    [
      "reportPreview",
      `{ reportPreview(profile: "city-projects", regionCode: "${TOWN_B}", period: "2024-12") { errorCount summary { regionCode } } }`,
    ],
  ])("answers %s for the township's own key and the county's key", async (field, query) => {
    for (const who of ["townB", "county"] as const) {
      const res = await h.gql(who, query);
      expect(res.body.errors, `${field} as ${who}`).toBeUndefined();
      expect(dataOf(res, field)).toBeTruthy();
    }
  });

  it("never shows the other township's household in the township's findings or report", async () => {
    const other = householdId("A", 3);
    const findings = dataOf<{ regionCode: string; subjectId: string; evidence: string[] }[]>(
      await h.gql(
        "townB",
        `{ findings(regionCode: "${TOWN_B}", year: 2024) { regionCode subjectId evidence } }`,
      ),
      "findings",
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.regionCode.startsWith(TOWN_B))).toBe(true);
    expect(JSON.stringify(findings)).not.toContain(other);
    const preview = await h.gql(
      "townB",
      `{ reportPreview(profile: "city-projects", regionCode: "${TOWN_B}", period: "2024-12") { violations { left { rows { recordIds } } right { rows { recordIds } } } } }`,
    );
    expect(preview.body.errors).toBeUndefined();
    expect(JSON.stringify(preview.body.data)).not.toContain(other);
  });
});
