import { describe, expect, it } from "vitest";
import {
  helper,
  household,
  householdsIn,
  member,
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { householdWithoutHelper } from "./household-without-helper.js";

const v = VILLAGES_A[0];

describe("RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER", () => {
  it.each([
    {
      name: "fires for a household whose helper's term ended, not for one still helped",
      households: householdsIn(v, ["h1", "h2"]),
      responsibilities: [
        helper("r1", "h1", TOWN_A, "2020-01-01"),
        helper("r2", "h2", TOWN_A, "2020-01-01", "2025-05-31"),
      ],
      expected: ["h2"],
    },
    {
      name: "fires for a household that never had a helper",
      households: [household("h1", v)],
      responsibilities: [],
      expected: ["h1"],
    },
    {
      name: "does not fire for a household registered after the year",
      households: [household("h1", v, { registeredYear: 2026 })],
      responsibilities: [],
      expected: [],
    },
    {
      name: "does not fire when every household has a helper in force",
      households: householdsIn(v, ["h1", "h2"]),
      responsibilities: [
        helper("r1", "h1", TOWN_A, "2020-01-01"),
        helper("r2", "h2", TOWN_A, "2025-01-01", "2025-12-31"),
      ],
      expected: [],
    },
  ])("$name", ({ households, responsibilities, expected }) => {
    expect(subjectsFound(householdWithoutHelper, { households, responsibilities }, 2025)).toEqual(expected);
  });

  it("names the household by village, its status in the year, head and household number", () => {
    const [finding] = runDetector(
      householdWithoutHelper,
      { households: [household("h1", v)], members: [member("m1", "h1", { name: "钟秀英" })] },
      2025,
    );
    expect(finding?.message.zh).toMatch(
      /^大余县南安镇新华村贫困户钟秀英（户编号 [\w-]+）没有落实帮扶责任人$/,
    );
    expect(finding).toMatchObject({ severity: "medium", regionCode: TOWN_A, subjectType: "household" });
  });
});
