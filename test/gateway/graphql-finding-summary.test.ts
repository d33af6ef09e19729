import { chinaDateOf, detectFindings, summariseFindings } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const NOW = new Date("2025-11-30T04:00:00Z");
const YEAR = 2025;
const HOUSEHOLDS = 400;
// The same ledger the gateway seeds: generator seed 1, reference year of the clock.
const { ledger } = generateSyntheticCounty({
  seed: 1,
  referenceYear: Number(chinaDateOf(NOW).slice(0, 4)),
  households: HOUSEHOLDS,
});
const TOWNSHIPS = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);

let gw: TestGateway;
let townKey: string;
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: HOUSEHOLDS, now: () => NOW });
  townKey = await gw.keys.create(TOWNSHIPS[0]!, ["ledger:read"]);
});
afterAll(async () => {
  await gw?.close();
});

const SUMMARY = `query($r: String!, $y: Int) { findingSummary(regionCode: $r, year: $y) {
  regionCode region { name } year total critical high medium low byCode { code severity count } } }`;

interface Row {
  regionCode: string;
  region: { name: string } | null;
  year: number;
  total: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  byCode: { code: string; severity: string; count: number }[];
}

describe("findingSummary: per township, the year's findings by code and severity", () => {
  it("for the county: every township (a clean one with zeros) and the county's own row, as the domain tallies", async () => {
    const res = await gw.graphql<{ findingSummary: Row[] }>(SUMMARY, { r: ledger.countyCode, y: YEAR });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!.findingSummary;
    const expected = summariseFindings(detectFindings(ledger, { year: YEAR, now: NOW }), YEAR, TOWNSHIPS);
    expect(rows.map((r) => r.regionCode)).toEqual(expected.map((s) => s.regionCode));
    expect(
      rows.map(({ region: _, critical, high, medium, low, ...r }) => ({
        ...r,
        bySeverity: { critical, high, medium, low },
      })),
    ).toEqual(
      expected.map((s) => ({
        ...s,
        bySeverity: {
          critical: s.bySeverity.critical,
          high: s.bySeverity.high,
          medium: s.bySeverity.medium,
          low: s.bySeverity.low,
        },
      })),
    );
    expect(rows.every((r) => r.total === r.critical + r.high + r.medium + r.low)).toBe(true);
    expect(rows.reduce((n, r) => n + r.total, 0)).toBeGreaterThan(0);
    expect(rows.find((r) => r.regionCode === TOWNSHIPS[0])?.region?.name).toBe(
      ledger.regions.find((r) => r.code === TOWNSHIPS[0])?.name,
    );
  });

  it("for a township with its own key: only that township, equal to the county's row for it", async () => {
    const own = await gw.graphql<{ findingSummary: Row[] }>(
      SUMMARY,
      { r: TOWNSHIPS[0], y: YEAR },
      { key: townKey },
    );
    expect(own.body.errors).toBeUndefined();
    const county = await gw.graphql<{ findingSummary: Row[] }>(SUMMARY, { r: ledger.countyCode, y: YEAR });
    expect(own.body.data!.findingSummary).toEqual(
      county.body.data!.findingSummary.filter((r) => r.regionCode === TOWNSHIPS[0]),
    );
  });

  it("refuses a region outside the caller's scope, and a year after the ledger's date", async () => {
    const other = await gw.graphql(SUMMARY, { r: TOWNSHIPS[1], y: YEAR }, { key: townKey });
    expect(other.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    const late = await gw.graphql(SUMMARY, { r: ledger.countyCode, y: YEAR + 1 });
    expect(late.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
  });

  it("weighs like findings: six summaries in one request exceed the complexity limit", async () => {
    const many = `{ ${[1, 2, 3, 4, 5, 6].map((i) => `s${i}: findingSummary(regionCode: "${ledger.countyCode}", year: ${YEAR}) { total }`).join(" ")} }`;
    const res = await gw.graphql(many, {});
    expect(res.body.errors?.[0]?.message).toMatch(/complexity/i);
  });
});
