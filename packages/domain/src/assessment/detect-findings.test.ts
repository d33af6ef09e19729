import { describe, expect, it } from "vitest";
import { compareFindings, detectFindings, FINDING_DETECTORS, FINDING_SEVERITIES } from "./detect-findings.js";
import { FINDING_CODES } from "./finding-codes.js";
import {
  buildLedger,
  COUNTY,
  entity,
  FIXTURE_NOW,
  fund,
  fundUse,
  household,
  linkage,
  rectification,
  TOWN_A,
  TOWN_B,
  townshipPerson,
  VILLAGES_A,
  VILLAGES_B,
} from "./testing/fixtures.js";

// Town A lacks a responsible person and has a fake linkage; town B has an overdue rectification;
// the county used half its funds on photovoltaics (a county finding and a fund finding).
const ledger = buildLedger({
  households: [household("h1", VILLAGES_A[0]), household("h2", VILLAGES_B[0])],
  entities: [entity("e1", TOWN_A, { kind: "leading_enterprise" })],
  linkages: [linkage("l1", "e1", "h1", 2024)],
  responsibilities: [townshipPerson("pb", TOWN_B, "2020-01-01")],
  rectifications: [rectification("x1", TOWN_B, "2025-01-01", "2025-03-01")],
  funds: [fund("f1", 2025, 1_000)],
  fundUses: [fundUse("u1", "f1", 2025, "industry", 500), fundUse("u2", "f1", 2025, "photovoltaic", 500)],
});
const codes = [
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON",
  "LINKAGE.FAKE",
  "RECTIFICATION.OVERDUE",
  "FUNDS.LOW_INDUSTRY_SHARE",
  "FUNDS.PAN_WELFARE",
] as const;
const keys = (regionCode?: string) =>
  detectFindings(ledger, { year: 2025, now: FIXTURE_NOW, codes, ...(regionCode ? { regionCode } : {}) }).map(
    (f) => `${f.code} ${f.subjectId}`,
  );

describe("detectFindings", () => {
  it("has one detector per finding code, each producing its own code", () => {
    for (const code of FINDING_CODES) {
      expect(FINDING_DETECTORS[code].code).toBe(code);
      expect(FINDING_SEVERITIES[code]).toBe(FINDING_DETECTORS[code].severity);
    }
  });

  it.each([
    {
      region: undefined,
      expected: [
        `RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON ${TOWN_A}`,
        `FUNDS.LOW_INDUSTRY_SHARE ${COUNTY}`,
        "LINKAGE.FAKE l1",
        `FUNDS.PAN_WELFARE ${COUNTY}`,
        "RECTIFICATION.OVERDUE x1",
      ],
    },
    { region: "3607", expected: 5 },
    { region: COUNTY, expected: 5 },
    { region: TOWN_A, expected: [`RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON ${TOWN_A}`, "LINKAGE.FAKE l1"] },
    { region: TOWN_B, expected: ["RECTIFICATION.OVERDUE x1"] },
    { region: VILLAGES_A[0], expected: [] },
    { region: "360724", expected: [] },
  ])(
    "filters by region $region, most severe first, county findings only from the county up",
    ({ region, expected }) => {
      const found = keys(region);
      if (typeof expected === "number") expect(found).toHaveLength(expected);
      else expect(found).toEqual(expected);
    },
  );

  it("runs only the codes asked for, and all of them by default", () => {
    expect(
      detectFindings(ledger, { year: 2025, now: FIXTURE_NOW, codes: ["LINKAGE.FAKE"] }).map((f) => f.code),
    ).toEqual(["LINKAGE.FAKE"]);
    const all = detectFindings(ledger, { year: 2025, now: FIXTURE_NOW });
    expect(all.length).toBeGreaterThan(5);
    expect([...all].sort(compareFindings)).toEqual(all);
    expect(new Set(all.map((f) => f.code)).has("RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER")).toBe(true);
  });

  it("applies a county's policy overrides", () => {
    const strict = detectFindings(ledger, {
      year: 2025,
      now: FIXTURE_NOW,
      codes: ["FUNDS.LOW_INDUSTRY_SHARE"],
      policy: { industryFundShareTargets: [{ fromYear: 2020, value: 0.5 }] },
    });
    expect(strict).toEqual([]);
  });

  it("is deterministic", () => {
    const run = () => detectFindings(ledger, { year: 2025, now: FIXTURE_NOW });
    expect(run()).toEqual(run());
  });
});
