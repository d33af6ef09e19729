import { describe, expect, it } from "vitest";
import { detectFindings } from "../assessment/detect-findings.js";
import {
  buildLedger,
  household,
  householdIndustry,
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

  const county = generateSyntheticCounty({ referenceYear: 2025, households: 400, seed: 7 });
  const now = new Date(`${county.asOf}T12:00:00+08:00`);
  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])(
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
      // Every poor village of the synthetic county has registered households, so each is judged.
      expect(figures.poorVillages - figures.poorVillagesCovered).toBe(count("INDUSTRY.VILLAGE_NOT_COVERED"));
    },
  );
});
