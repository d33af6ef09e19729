import { describe, expect, it } from "vitest";
import type { HouseholdIndustry } from "../../industries/industry.js";
import type { AssessmentPolicy } from "../policy.js";
import {
  household,
  householdIndustry,
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
  VILLAGES_B,
  villageIndustry,
} from "../testing/fixtures.js";
import { industryHomogenisation } from "./industry-homogenisation.js";

const chose = (villages: readonly string[], industryId = "ind-orange", year = 2025) =>
  villages.map((v) => villageIndustry(`vi-${v}-${year}`, v, industryId, year));
// households h1…h4 of 南安镇's four villages (one each), hb1…hb3 of 新城镇's first village
const households = [
  ...VILLAGES_A.map((v, i) => household(`h${i + 1}`, v)),
  ...["hb1", "hb2", "hb3"].map((id) => household(id, VILLAGES_B[0])),
];
// a household's industry: 10 units in 2024, then `units` started (and `survived`) in 2025, or given up (null)
const kept = (
  h: string,
  units: number | null,
  industryId = "ind-orange",
  survived = units,
): HouseholdIndustry[] => [
  householdIndustry(`${h}-2024`, h, industryId, 2024),
  ...(units === null
    ? []
    : [
        householdIndustry(`${h}-2025`, h, industryId, 2025, {
          unitsStarted: units,
          unitsSurvived: survived!,
        }),
      ]),
];
const thriving = ["h1", "h2", "h3"].flatMap((h) => kept(h, 10));
const failing = [...kept("h1", null), ...kept("h2", null), ...kept("h3", 10)];

describe("INDUSTRY.HOMOGENISATION (同质化, where the one industry is failing)", () => {
  it.each<{
    name: string;
    villageIndustries: ReturnType<typeof chose>;
    householdIndustries: HouseholdIndustry[];
    policy?: Partial<AssessmentPolicy>;
    expected: string[];
  }>([
    {
      name: "the speech's case: all four villages on oranges, two of three orange households gave up",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: failing,
      expected: [TOWN_A],
    },
    {
      name: "look-alike: all four villages keep thriving oranges (一村一品)",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: thriving,
      expected: [],
    },
    {
      name: "3 of 4 villages (75%) under the default 80%: not homogenised",
      villageIndustries: [...chose(VILLAGES_A.slice(0, 3)), ...chose(VILLAGES_A.slice(3), "ind-veg")],
      householdIndustries: failing,
      expected: [],
    },
    {
      name: "3 of 4 villages when the county's share is 75%",
      villageIndustries: [...chose(VILLAGES_A.slice(0, 3)), ...chose(VILLAGES_A.slice(3), "ind-veg")],
      householdIndustries: failing,
      policy: { homogenisationShare: 0.75 },
      expected: [TOWN_A],
    },
    {
      name: "a household shrunk to half its orchard counts as doing poorly (2 of 3)",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: [...kept("h1", 5), ...kept("h2", null), ...kept("h3", 10)],
      expected: [TOWN_A],
    },
    {
      name: "shrunk to 6 of 10 is not poor: 1 of 3 below the failing share",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: [...kept("h1", 6), ...kept("h2", null), ...kept("h3", 10)],
      expected: [],
    },
    {
      name: "exactly half the households doing poorly (2 of 4) is failing",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: [...failing, ...kept("h4", 12)],
      expected: [TOWN_A],
    },
    {
      name: "two households, both gave up: too few to judge",
      villageIndustries: chose(VILLAGES_A),
      householdIndustries: [...kept("h1", null), ...kept("h2", null)],
      expected: [],
    },
    {
      name: "bees at 4 of 10 colonies in two of three households",
      villageIndustries: chose(VILLAGES_A, "ind-bee"),
      householdIndustries: [
        ...kept("h1", 10, "ind-bee", 4),
        ...kept("h2", 10, "ind-bee", 4),
        ...kept("h3", 10, "ind-bee"),
      ],
      expected: [TOWN_A],
    },
    {
      name: "bees at 5 of 10 colonies are not failing",
      villageIndustries: chose(VILLAGES_A, "ind-bee"),
      householdIndustries: [
        ...kept("h1", 10, "ind-bee", 5),
        ...kept("h2", 10, "ind-bee", 5),
        ...kept("h3", 10, "ind-bee"),
      ],
      expected: [],
    },
    {
      name: "a town with only two villages is not judged",
      villageIndustries: chose(VILLAGES_B),
      householdIndustries: ["hb1", "hb2", "hb3"].flatMap((h) => kept(h, null)),
      expected: [],
    },
    {
      name: "another year's village industries are not judged",
      villageIndustries: chose(VILLAGES_A, "ind-orange", 2024),
      householdIndustries: failing,
      expected: [],
    },
  ])("$name", ({ villageIndustries, householdIndustries, policy, expected }) => {
    const records = { households, villageIndustries, householdIndustries };
    expect(subjectsFound(industryHomogenisation, records, 2025, { policy: policy ?? {} })).toEqual(expected);
  });

  it("gives the villages' records and the failing households' records as evidence", () => {
    const [finding] = runDetector(
      industryHomogenisation,
      { households, villageIndustries: chose(VILLAGES_A), householdIndustries: failing },
      2025,
    );
    expect(finding?.evidence).toEqual([...VILLAGES_A.map((v) => `vi-${v}-2025`), "h1-2024", "h2-2024"]);
    expect(finding?.message.zh).toContain("4个选择脐橙，经营该产业的3户贫困户中2户效果不佳");
    expect(finding).toMatchObject({ severity: "medium", subjectType: "township", regionCode: TOWN_A });
    // in the consolidation years the same households are 脱贫户
    const exited = households.map((h) => ({ ...h, povertyStatus: "exited" as const, exitYear: 2019 }));
    const [later] = runDetector(
      industryHomogenisation,
      { households: exited, villageIndustries: chose(VILLAGES_A), householdIndustries: failing },
      2025,
    );
    expect(later?.message.zh).toContain("经营该产业的3户脱贫户中2户效果不佳");
  });
});
