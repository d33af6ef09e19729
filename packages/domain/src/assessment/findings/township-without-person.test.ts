import { describe, expect, it } from "vitest";
import { runDetector, subjectsFound, TOWN_A, TOWN_B, townshipPerson } from "../testing/fixtures.js";
import { townshipWithoutPerson } from "./township-without-person.js";

describe("RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", () => {
  it.each([
    {
      name: "fires for a township whose person's term ended before the assessment date",
      responsibilities: [
        townshipPerson("p1", TOWN_A, "2020-01-01"),
        townshipPerson("p2", TOWN_B, "2020-01-01", "2025-06-30"),
      ],
      year: 2025,
      expected: [TOWN_B],
    },
    {
      name: "fires for a township whose person starts only after the assessment date",
      responsibilities: [
        townshipPerson("p1", TOWN_A, "2025-12-15"),
        townshipPerson("p2", TOWN_B, "2020-01-01"),
      ],
      year: 2025,
      expected: [TOWN_A],
    },
    {
      name: "fires for every township with no assignment at all",
      responsibilities: [],
      year: 2025,
      expected: [TOWN_A, TOWN_B],
    },
    {
      name: "does not fire when each township has a person in force",
      responsibilities: [
        townshipPerson("p1", TOWN_A, "2020-01-01"),
        townshipPerson("p2", TOWN_B, "2024-01-01", "2026-12-31"),
      ],
      year: 2025,
      expected: [],
    },
    {
      name: "judges a past year on its 31 December: a term ending in 2025 covered 2024",
      responsibilities: [
        townshipPerson("p1", TOWN_A, "2020-01-01", "2025-03-31"),
        townshipPerson("p2", TOWN_B, "2020-01-01"),
      ],
      year: 2024,
      expected: [],
    },
  ])("$name", ({ responsibilities, year, expected }) => {
    expect(subjectsFound(townshipWithoutPerson, { responsibilities }, year)).toEqual(expected);
  });

  it("names the township in Chinese, as county staff say it, with its evidence", () => {
    const [finding] = runDetector(
      townshipWithoutPerson,
      {
        responsibilities: [
          townshipPerson("p1", TOWN_A, "2020-01-01", "2025-01-31"),
          townshipPerson("p2", TOWN_B, "2020-01-01"),
        ],
      },
      2025,
    );
    expect(finding).toMatchObject({
      code: "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON",
      severity: "critical",
      regionCode: TOWN_A,
      subjectType: "township",
      evidence: [TOWN_A, "p1"],
    });
    expect(finding?.message.zh).toContain("大余县南安镇未明确产业扶贫固定责任人");
    expect(finding?.message.en).toContain("南安镇");
  });
});
