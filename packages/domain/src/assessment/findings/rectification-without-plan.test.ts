import { describe, expect, it } from "vitest";
import { plan, rectification, runDetector, subjectsFound, TOWN_B } from "../testing/fixtures.js";
import { rectificationWithoutPlan } from "./rectification-without-plan.js";

describe("RECTIFICATION.NO_PLAN", () => {
  const rectifications = [
    rectification("r1", TOWN_B, "2025-09-01", "2026-03-01"), // open 90 days → no plan
    rectification("r2", TOWN_B, "2025-11-10", "2026-03-01"), // open 20 days → within grace
    rectification("r3", TOWN_B, "2025-09-01", "2026-03-01", {
      status: "planned",
      plan: plan("2026-01-01", null),
    }),
    rectification("r4", TOWN_B, "2025-10-31", "2026-03-01"), // exactly 30 days → within grace
  ];

  it.each([
    { name: "fires for an item open past the 30-day grace", year: 2025, policy: {}, expected: ["r1"] },
    {
      name: "fires for more items under a 10-day grace",
      year: 2025,
      policy: { rectificationPlanGraceDays: 10 },
      expected: ["r1", "r2", "r4"],
    },
    { name: "does not judge items found after the year", year: 2024, policy: {}, expected: [] },
  ])("$name", ({ year, policy, expected }) => {
    expect(subjectsFound(rectificationWithoutPlan, { rectifications }, year, { policy })).toEqual(expected);
  });

  it("names the township and problem", () => {
    const [finding] = runDetector(
      rectificationWithoutPlan,
      { rectifications: rectifications.slice(0, 1) },
      2025,
    );
    expect(finding).toMatchObject({ regionCode: TOWN_B, severity: "medium", subjectType: "rectification" });
    expect(finding?.message.zh).toBe(
      "大余县新城镇整改事项「产业扶贫台账不全」发现已90天，仍未制定时间表和路线图",
    );
  });
});
