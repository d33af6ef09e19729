import { describe, expect, it } from "vitest";
import { FIXTURE_INDUSTRIES, household, householdIndustry, VILLAGES_A } from "../testing/fixtures.js";
import { runMetric } from "../testing/metrics.js";
import { outcomeSurvival } from "./outcome-survival.js";

const [A1] = VILLAGES_A;

describe("OUTCOME_SURVIVAL", () => {
  it("gives one count per industry of the catalogue, summing the region's units", () => {
    const records = {
      households: [household("h1", A1), household("h2", A1)],
      householdIndustries: [
        householdIndustry("hi1", "h1", "ind-bee", 2025, { unitsStarted: 10, unitsSurvived: 4 }),
        householdIndustry("hi2", "h2", "ind-bee", 2025, { unitsStarted: 10, unitsSurvived: 9 }),
      ],
    };
    const counts = runMetric(outcomeSurvival, records, 2025);
    expect(counts.map((c) => c.code)).toEqual(FIXTURE_INDUSTRIES.map((i) => `OUTCOME_SURVIVAL.${i.code}`));
    const bee = FIXTURE_INDUSTRIES.find((i) => i.id === "ind-bee")!;
    expect(counts.find((c) => c.code === `OUTCOME_SURVIVAL.${bee.code}`)).toMatchObject({
      numerator: 13,
      denominator: 20,
    });
    expect(counts.filter((c) => c.denominator === 0)).toHaveLength(FIXTURE_INDUSTRIES.length - 1);
  });
});
