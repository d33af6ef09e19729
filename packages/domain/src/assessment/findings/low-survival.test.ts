import { describe, expect, it } from "vitest";
import { household, householdIndustry, runDetector, subjectsFound, VILLAGES_A } from "../testing/fixtures.js";
import { lowSurvival } from "./low-survival.js";

const v = VILLAGES_A[3];

describe("OUTCOME.LOW_SURVIVAL", () => {
  it.each([
    { name: "fires at 4 of 10 colonies (40%)", started: 10, survived: 4, policy: {}, expected: ["h1"] },
    { name: "does not fire at exactly 50%", started: 10, survived: 5, policy: {}, expected: [] },
    {
      name: "fires at 50% when the county's alert level is 60%",
      started: 10,
      survived: 5,
      policy: { survivalAlertRate: 0.6 },
      expected: ["h1"],
    },
    {
      name: "does not divide by zero when nothing was started",
      started: 0,
      survived: 0,
      policy: {},
      expected: [],
    },
  ])("$name", ({ started, survived, policy, expected }) => {
    const records = {
      households: [household("h1", v)],
      householdIndustries: [
        householdIndustry("hi1", "h1", "ind-bee", 2025, { unitsStarted: started, unitsSurvived: survived }),
      ],
    };
    expect(subjectsFound(lowSurvival, records, 2025, { policy })).toEqual(expected);
  });

  it("says the rate in the industry's unit", () => {
    const [finding] = runDetector(
      lowSurvival,
      {
        households: [household("h1", v)],
        householdIndustries: [
          householdIndustry("hi1", "h1", "ind-bee", 2025, { unitsStarted: 20, unitsSurvived: 7 }),
        ],
      },
      2025,
    );
    expect(finding?.message.zh).toContain("养蜂20群仅存活7群，成活率35%");
    expect(finding).toMatchObject({ evidence: ["hi1"], severity: "medium" });
  });
});

describe("OUTCOME.LOW_SURVIVAL counts only living units", () => {
  it.each([
    { industry: "ind-bee", unit: "群 (colonies)", fires: true },
    { industry: "ind-orange", unit: "亩 (an orchard's area)", fires: false },
    { industry: "ind-veg", unit: "亩 (a vegetable plot)", fires: false },
  ])("3 of 10 in $unit → $fires", ({ industry, fires }) => {
    const records = {
      households: [household("h1", v)],
      householdIndustries: [
        householdIndustry("hi1", "h1", industry, 2025, { unitsStarted: 10, unitsSurvived: 3 }),
      ],
    };
    expect(subjectsFound(lowSurvival, records, 2025)).toEqual(fires ? ["h1"] : []);
  });
});
