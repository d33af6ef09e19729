import { describe, expect, it } from "vitest";
import { household, householdIndustry, runDetector, subjectsFound, VILLAGES_A } from "../testing/fixtures.js";
import { debtGrowth } from "./debt-growth.js";

const v = VILLAGES_A[3];

describe("OUTCOME.DEBT_GROWTH", () => {
  it("fires only when the same industry's debt grew from last year", () => {
    const records = {
      households: ["h1", "h2", "h3", "h4"].map((id) => household(id, v)),
      householdIndustries: [
        householdIndustry("a24", "h1", "ind-bee", 2024, { debtFen: 0 }), // h1: 0 → 5,000 yuan → fires
        householdIndustry("a25", "h1", "ind-bee", 2025, { debtFen: 500_000 }),
        householdIndustry("b24", "h2", "ind-bee", 2024, { debtFen: 500_000 }), // h2: unchanged
        householdIndustry("b25", "h2", "ind-bee", 2025, { debtFen: 500_000 }),
        householdIndustry("c24", "h3", "ind-orange", 2024, { debtFen: 0 }), // h3: different industry last year
        householdIndustry("c25", "h3", "ind-bee", 2025, { debtFen: 500_000 }),
        householdIndustry("d24", "h4", "ind-bee", 2024, { debtFen: 500_000 }), // h4: debt fell
        householdIndustry("d25", "h4", "ind-bee", 2025, { debtFen: 100_000 }),
      ],
    };
    expect(subjectsFound(debtGrowth, records, 2025)).toEqual(["h1"]);
    expect(subjectsFound(debtGrowth, records, 2024)).toEqual([]);
    const [finding] = runDetector(debtGrowth, records, 2025);
    expect(finding).toMatchObject({ evidence: ["a24", "a25"], severity: "high" });
    expect(finding?.message.zh).toContain("由2024年的0.00元增至2025年的5000.00元");
  });
});
