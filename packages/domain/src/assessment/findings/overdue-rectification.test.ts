import { describe, expect, it } from "vitest";
import { plan, rectification, runDetector, subjectsFound, TOWN_A } from "../testing/fixtures.js";
import { overdueRectification } from "./overdue-rectification.js";

describe("RECTIFICATION.OVERDUE", () => {
  const rectifications = [
    rectification("r1", TOWN_A, "2025-08-01", "2025-10-01"), // open, past deadline → overdue
    rectification("r2", TOWN_A, "2025-08-01", "2025-11-01", {
      status: "planned",
      plan: plan("2025-10-15", null),
    }), // planned, past → overdue
    rectification("r3", TOWN_A, "2025-08-01", "2025-10-01", {
      status: "closed",
      plan: plan("2025-09-15", "2025-09-20"),
      closedDate: "2025-09-30",
    }), // closed
    rectification("r4", TOWN_A, "2025-11-01", "2025-12-31"), // not yet due
    rectification("r5", TOWN_A, "2025-08-01", "2025-11-30"), // due today: not yet overdue
  ];

  it.each([
    { name: "fires for open or planned items past their deadline", year: 2025, expected: ["r1", "r2"] },
    { name: "judges 2024 on its last day, before any of these deadlines", year: 2024, expected: [] },
  ])("$name", ({ year, expected }) => {
    expect(subjectsFound(overdueRectification, { rectifications }, year)).toEqual(expected);
  });

  it.each([
    {
      name: "closed after the year ended: overdue in that year, as it stood then",
      year: 2024,
      expected: ["r6"],
    },
    { name: "closed by the next year's date: clean in that year", year: 2025, expected: [] },
  ])("judges a past year by the recorded closing date: $name", ({ year, expected }) => {
    const closedLate = rectification("r6", TOWN_A, "2024-08-01", "2024-10-01", {
      status: "closed",
      plan: plan("2024-09-15", "2025-02-20"),
      closedDate: "2025-03-01",
    });
    expect(subjectsFound(overdueRectification, { rectifications: [closedLate] }, year)).toEqual(expected);
  });

  it("look-alike: closed late but before the year ended is not overdue for that year", () => {
    const closedInYear = rectification("r7", TOWN_A, "2024-08-01", "2024-10-01", {
      status: "closed",
      plan: plan("2024-09-15", "2024-11-20"),
      closedDate: "2024-11-30",
    });
    expect(subjectsFound(overdueRectification, { rectifications: [closedInYear] }, 2024)).toEqual([]);
  });

  it("says how many days overdue", () => {
    const [finding] = runDetector(overdueRectification, { rectifications: rectifications.slice(0, 1) }, 2025);
    expect(finding).toMatchObject({ regionCode: TOWN_A, evidence: ["r1"], severity: "high" });
    expect(finding?.message.zh).toContain("整改期限2025-10-01已过60天仍未完成");
  });
});
