import { describe, expect, it } from "vitest";
import { household, householdIndustry, runDetector, subjectsFound, VILLAGES_A } from "../testing/fixtures.js";
import { debtGrowth } from "./debt-growth.js";

const v = VILLAGES_A[3];
const records = (before: number, after: number, survived: number, industry = "ind-bee") => ({
  households: [household("h1", v)],
  householdIndustries: [
    householdIndustry("a24", "h1", industry, 2024, { debtFen: before }),
    householdIndustry("a25", "h1", "ind-bee", 2025, {
      unitsStarted: 100,
      unitsSurvived: survived,
      debtFen: after,
    }),
  ],
});

describe("OUTCOME.DEBT_GROWTH: debt grew while the industry failed", () => {
  it.each([
    { name: "debt up, 30% survival", before: 0, after: 500_000, survived: 30, fires: true },
    { name: "debt up, 49% survival", before: 0, after: 500_000, survived: 49, fires: true },
    { name: "debt up, 50% survival", before: 0, after: 500_000, survived: 50, fires: false },
    { name: "a loan to expand at 95% survival", before: 0, after: 5_000_000, survived: 95, fires: false },
    { name: "debt unchanged, 30% survival", before: 500_000, after: 500_000, survived: 30, fires: false },
    { name: "debt fell, 30% survival", before: 500_000, after: 100_000, survived: 30, fires: false },
  ])("$name → $fires", ({ before, after, survived, fires }) => {
    expect(subjectsFound(debtGrowth, records(before, after, survived), 2025)).toEqual(fires ? ["h1"] : []);
  });

  it("compares the same industry only", () => {
    expect(subjectsFound(debtGrowth, records(0, 500_000, 30, "ind-orange"), 2025)).toEqual([]);
  });

  it("names the survival and the debt", () => {
    const [finding] = runDetector(debtGrowth, records(0, 500_000, 30), 2025);
    expect(finding).toMatchObject({ evidence: ["a24", "a25"], severity: "high" });
    expect(finding?.message.zh).toContain("成活率仅30%，债务却由2024年的0.00元增至2025年的5000.00元");
  });
});
