import { describe, expect, it } from "vitest";
import { detectFindings } from "../assessment/detect-findings.js";
import {
  buildLedger,
  FIXTURE_NOW,
  household,
  householdIndustry,
  householdsIn,
  TOWN_A,
  VILLAGES_A,
} from "../assessment/testing/fixtures.js";
import { generateSyntheticCounty } from "../synthetic/index.js";
import { buildCampaignReport } from "./campaign-report.js";

// Report 3's covered households once left out a household's own industry that the finding
// INDUSTRY.HOUSEHOLD_NOT_COVERED counted as coverage: the report and the findings disagreed.
describe("report 3 counts coverage (覆盖底数) as the findings judge it", () => {
  it("counts a household covered by its own industry alone", () => {
    const ledger = buildLedger({
      households: [household("h1", VILLAGES_A[1]), household("h2", VILLAGES_A[1])],
      householdIndustries: [householdIndustry("hi1", "h1", "ind-orange", 2025)],
    });
    const report = buildCampaignReport(ledger, TOWN_A, { kind: "month", year: 2025, month: 1 });
    expect(report.totals[0]!.figures).toMatchObject({
      registeredHouseholds: 2,
      coveredHouseholds: 1,
      linkedHouseholds: 0,
    });
  });

  it.each([
    [undefined, 0],
    [0.3, 1],
  ])(
    "counts a poor village covered by the policy's share the findings use (share min %s)",
    (shareMin, covered) => {
      // One household of three in the poor village has an industry: a third, below the default 0.5.
      const ledger = buildLedger({
        households: householdsIn(VILLAGES_A[0], ["h1", "h2", "h3"]),
        householdIndustries: [householdIndustry("hi1", "h1", "ind-orange", 2025)],
      });
      const policy = shareMin === undefined ? undefined : { poorVillageCoveredShareMin: shareMin };
      const period = { kind: "month", year: 2025, month: 1 } as const;
      const figures = buildCampaignReport(ledger, TOWN_A, period, { policy }).totals[0]!.figures;
      const found = detectFindings(ledger, {
        year: 2025,
        now: FIXTURE_NOW,
        policy,
        codes: ["INDUSTRY.VILLAGE_NOT_COVERED"],
      }).filter((f) => f.subjectId === VILLAGES_A[0]);
      expect(figures.poorVillagesCovered).toBe(covered);
      expect(found).toHaveLength(1 - covered);
    },
  );

  // Large enough that every poor village has a household registered from 2014 on.
  const county = generateSyntheticCounty({ referenceYear: 2025, seed: 7 });
  const now = new Date(`${county.asOf}T12:00:00+08:00`);
  it.each([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])(
    "%i: registered less covered households and poor villages are the uncovered ones found",
    (year) => {
      const asOf = year < 2025 ? `${year}-12-31` : county.asOf;
      const report = buildCampaignReport(county.ledger, "360723", { kind: "year", year }, { asOf });
      const figures = report.totals.at(-1)!.figures;
      const found = detectFindings(county.ledger, {
        year,
        now,
        codes: ["INDUSTRY.HOUSEHOLD_NOT_COVERED", "INDUSTRY.VILLAGE_NOT_COVERED"],
      });
      const count = (code: string) => found.filter((f) => f.code === code).length;
      expect(figures.registeredHouseholds - figures.coveredHouseholds).toBe(
        count("INDUSTRY.HOUSEHOLD_NOT_COVERED"),
      );
      // Every poor village has registered households by the year, so each is judged.
      const registered = new Set(
        county.ledger.households.filter((h) => h.registeredYear <= year).map((h) => h.villageCode),
      );
      expect(county.ledger.regions.filter((r) => r.isPoorVillage && !registered.has(r.code))).toEqual([]);
      expect(figures.poorVillages - figures.poorVillagesCovered).toBe(count("INDUSTRY.VILLAGE_NOT_COVERED"));
    },
  );
});
