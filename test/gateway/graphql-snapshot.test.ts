import { chinaDateOf, computeMetrics, ledgerForRegion } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const NOW = new Date("2025-11-30T04:00:00Z");
const YEAR = 2025;
const HOUSEHOLDS = 300;
// The ledger the gateway seeds: generator seed 1, reference year of the clock.
const { ledger } = generateSyntheticCounty({
  seed: 1,
  referenceYear: Number(chinaDateOf(NOW).slice(0, 4)),
  households: HOUSEHOLDS,
});
const TOWNSHIPS = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);
const VILLAGE = ledger.households[0]!.villageCode;

const METRICS = `query($r: String!, $y: Int!) { metrics(regionCode: $r, year: $y) { code numerator denominator } }`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: HOUSEHOLDS, now: () => NOW });
});
afterAll(async () => {
  await gw?.close();
});

const sorted = (list: readonly { code: string; numerator: number; denominator: number }[]) =>
  list.map((m) => `${m.code} ${m.numerator}/${m.denominator}`).sort();

describe("the read snapshot is the domain's validated region ledger", () => {
  it.each([...TOWNSHIPS.slice(0, 4), VILLAGE])(
    "%s: the metrics of ledgerForRegion of the county's ledger",
    async (code) => {
      const res = await gw.graphql<{ metrics: { code: string; numerator: number; denominator: number }[] }>(
        METRICS,
        {
          r: code,
          y: YEAR,
        },
      );
      expect(res.body.errors).toBeUndefined();
      const expected = computeMetrics(ledgerForRegion(ledger, code), {
        regionCode: code,
        year: YEAR,
        now: NOW,
      });
      expect(sorted(res.body.data!.metrics)).toEqual(sorted(expected));
    },
  );

  it("refuses to compute on a region whose rows break the ledger's invariants", async () => {
    // The database does not check that a household has one head across its member rows; the domain does.
    const township = TOWNSHIPS[0]!;
    const members = await gw.db.pool.query<{ id: string }>(
      "SELECT id FROM member WHERE relation <> 'head' AND region_code LIKE $1 ORDER BY id LIMIT 1",
      [`${township}%`],
    );
    expect(members.rows.length).toBe(1);
    await gw.db.pool.query("UPDATE member SET relation = 'head' WHERE id = $1", [members.rows[0]!.id]);
    const res = await gw.graphql<{ metrics: unknown[] }>(METRICS, { r: township, y: YEAR });
    expect(res.body.data?.metrics ?? null).toBeNull();
    expect(res.body.errors?.length).toBe(1);
    expect(res.body.errors![0]!.message).not.toContain("HOUSEHOLD_HEAD");
  });
});
