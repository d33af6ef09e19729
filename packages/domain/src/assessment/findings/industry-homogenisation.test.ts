import { describe, expect, it } from "vitest";
import {
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
  VILLAGES_B,
  villageIndustry,
} from "../testing/fixtures.js";
import { industryHomogenisation } from "./industry-homogenisation.js";

const orange = (i: number, village: string, year = 2025) =>
  villageIndustry(`vi${i}`, village, "ind-orange", year);

describe("INDUSTRY.HOMOGENISATION", () => {
  it.each([
    {
      name: "fires when all four villages of a town chose navel oranges; not for a town with only two villages",
      villageIndustries: [
        ...VILLAGES_A.map((v, i) => orange(i, v)),
        ...VILLAGES_B.map((v, i) => orange(10 + i, v)),
      ],
      policy: {},
      expected: [TOWN_A],
    },
    {
      name: "does not fire at 3 of 4 villages (75%) under the default 80%",
      villageIndustries: [
        ...VILLAGES_A.slice(0, 3).map((v, i) => orange(i, v)),
        villageIndustry("vi9", VILLAGES_A[3], "ind-veg", 2025),
      ],
      policy: {},
      expected: [],
    },
    {
      name: "fires at 3 of 4 villages when the county's policy says 75%",
      villageIndustries: [
        ...VILLAGES_A.slice(0, 3).map((v, i) => orange(i, v)),
        villageIndustry("vi9", VILLAGES_A[3], "ind-veg", 2025),
      ],
      policy: { homogenisationShare: 0.75 },
      expected: [TOWN_A],
    },
    {
      name: "counts a village with two industries once per industry: 4 of 4 villages still on oranges",
      villageIndustries: [
        ...VILLAGES_A.map((v, i) => orange(i, v)),
        villageIndustry("vi9", VILLAGES_A[0], "ind-veg", 2025),
      ],
      policy: {},
      expected: [TOWN_A],
    },
    {
      name: "does not judge another year's village industries",
      villageIndustries: VILLAGES_A.map((v, i) => orange(i, v, 2024)),
      policy: {},
      expected: [],
    },
  ])("$name", ({ villageIndustries, policy, expected }) => {
    expect(subjectsFound(industryHomogenisation, { villageIndustries }, 2025, { policy })).toEqual(expected);
  });

  it("gives the dominant industry's village records as evidence", () => {
    const [finding] = runDetector(
      industryHomogenisation,
      { villageIndustries: VILLAGES_A.map((v, i) => orange(i, v)) },
      2025,
    );
    expect(finding?.evidence).toEqual(["vi0", "vi1", "vi2", "vi3"]);
    expect(finding?.message.zh).toContain("4个选择脐橙");
  });
});
