import { describe, expect, it } from "vitest";
import type { HouseholdIndustry, VillageIndustry } from "../../industries/industry.js";
import {
  householdIndustry,
  householdsIn,
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
  villageIndustry,
} from "../testing/fixtures.js";
import { scaleUpWithoutTrial } from "./scale-up-without-trial.js";

const v1 = VILLAGES_A[0];
const households = householdsIn(v1, ["h1", "h2", "h3", "h4"]);
const untried = (overrides: Partial<VillageIndustry> = {}) =>
  villageIndustry("vi1", v1, "ind-bee", 2025, { trialStatus: "none", trialYear: null, ...overrides });
// a household's bees: 10 colonies in 2024; in 2025 `started` colonies of which `survived` lived, or given up (null)
const bees = (h: string, started: number | null, survived = started): HouseholdIndustry[] => [
  householdIndustry(`${h}-2024`, h, "ind-bee", 2024),
  ...(started === null
    ? []
    : [
        householdIndustry(`${h}-2025`, h, "ind-bee", 2025, {
          unitsStarted: started,
          unitsSurvived: survived!,
        }),
      ]),
];
const collapsed = [...bees("h1", 20, 6), ...bees("h2", 20, 8), ...bees("h3", 20, 18)];
const thriving = [...bees("h1", 20, 19), ...bees("h2", 20, 18), ...bees("h3", 20, 18)];

describe("INDUSTRY.SCALE_UP_WITHOUT_TRIAL (不经试验试种, 大规模推进后效果不佳)", () => {
  it.each<{ name: string; record: VillageIndustry; results: HouseholdIndustry[]; expected: string[] }>([
    {
      name: "the speech's case: bees doubled without a trial, two of three households below 50% survival",
      record: untried(),
      results: collapsed,
      expected: [v1],
    },
    {
      name: "look-alike: doubled without a trial, and the hives thrive",
      record: untried(),
      results: thriving,
      expected: [],
    },
    {
      name: "look-alike: a 50,000-yuan loan to double thriving hives",
      record: untried(),
      results: thriving.map((r) => (r.year === 2025 ? { ...r, debtFen: 5_000_000 } : r)),
      expected: [],
    },
    {
      name: "scaled up while the trial is still running, and failing",
      record: untried({ trialStatus: "trialling", trialYear: 2025 }),
      results: collapsed,
      expected: [v1],
    },
    {
      name: "after a finished trial, even failing: not this finding",
      record: villageIndustry("vi1", v1, "ind-bee", 2025),
      results: collapsed,
      expected: [],
    },
    {
      name: "untrialled but not scaled up",
      record: untried({ scaledUp: false }),
      results: collapsed,
      expected: [],
    },
    {
      name: "households gave up or halved their hives after the scale-up (2 of 3)",
      record: untried(),
      results: [...bees("h1", null), ...bees("h2", 5), ...bees("h3", 20)],
      expected: [v1],
    },
    {
      name: "one of three halved, the others kept: 1 of 3 is below the failing share",
      record: untried(),
      results: [...bees("h1", 5), ...bees("h2", 10), ...bees("h3", 20)],
      expected: [],
    },
    {
      name: "exactly half of four households failing",
      record: untried(),
      results: [...collapsed, ...bees("h4", 10, 10)],
      expected: [v1],
    },
    {
      name: "two households only, both failing: too few to judge",
      record: untried(),
      results: [...bees("h1", 20, 6), ...bees("h2", 20, 8)],
      expected: [],
    },
    {
      name: "another year's village record is not judged",
      record: untried({ year: 2024 }),
      results: collapsed,
      expected: [],
    },
  ])("$name", ({ record, results, expected }) => {
    const records = { households, villageIndustries: [record], householdIndustries: results };
    expect(subjectsFound(scaleUpWithoutTrial, records, 2025)).toEqual(expected);
  });

  it("names the village, the industry and how it fared, with the records as evidence", () => {
    const [finding] = runDetector(
      scaleUpWithoutTrial,
      { households, villageIndustries: [untried()], householdIndustries: collapsed },
      2025,
    );
    expect(finding).toMatchObject({ regionCode: TOWN_A, subjectType: "village", severity: "medium" });
    expect(finding?.evidence).toEqual(["vi1", "h1-2024", "h1-2025", "h2-2024", "h2-2025"]);
    expect(finding?.message.zh).toContain("大余县南安镇新华村2025年养蜂产业未经试验试种即大规模推进");
    expect(finding?.message.zh).toContain("经营该产业的3户贫困户中2户效果不佳");
  });
});
