import { describe, expect, it } from "vitest";
import type { Rectification } from "../../rectification/rectification.js";
import { rectification, runDetector, subjectsFound, TOWN_A } from "../testing/fixtures.js";
import { milestoneSlipped } from "./milestone-slipped.js";

const planned = (milestones: NonNullable<Rectification["plan"]>["milestones"], deadline = "2026-03-31") =>
  rectification("r1", TOWN_A, "2025-03-01", deadline, {
    status: "planned",
    plan: { milestones, roadmap: "逐户核实，补齐台账" },
  });
const m = (id: string, due: string, doneDate: string | null) => ({
  id,
  title: "制定整改方案",
  due,
  doneDate,
});

describe("RECTIFICATION.MILESTONE_SLIPPED: a milestone due before the assessment date and not done", () => {
  // assessed 2025 as of 2025-11-30 (the fixture's now)
  it.each([
    { name: "first milestone due 2025-04-01, never done", ms: [m("m1", "2025-04-01", null)], fires: true },
    { name: "due 2025-11-29, not done", ms: [m("m1", "2025-11-29", null)], fires: true },
    { name: "due on the assessment date: not yet late", ms: [m("m1", "2025-11-30", null)], fires: false },
    { name: "look-alike: done late, but done", ms: [m("m1", "2025-04-01", "2025-05-10")], fires: false },
    {
      name: "look-alike: every milestone due so far done on time",
      ms: [m("m1", "2025-04-01", "2025-04-01"), m("m2", "2026-03-31", null)],
      fires: false,
    },
  ])("$name → $fires", ({ ms, fires }) => {
    expect(subjectsFound(milestoneSlipped, { rectifications: [planned(ms)] }, 2025)).toEqual(
      fires ? ["r1"] : [],
    );
  });

  it("leaves a rectification past its deadline to RECTIFICATION.OVERDUE, and judges a past year as the item stood then", () => {
    const late = planned([m("m1", "2025-04-01", null)], "2025-10-01");
    expect(subjectsFound(milestoneSlipped, { rectifications: [late] }, 2025)).toEqual([]);
    // found 2024, first milestone due 2024-04-01 and done only 2025-02-01: late as of 2024-12-31
    const r2024 = rectification("r2", TOWN_A, "2024-03-01", "2025-03-31", {
      status: "planned",
      plan: { milestones: [m("m1", "2024-04-01", "2025-02-01")], roadmap: "" },
    });
    expect(subjectsFound(milestoneSlipped, { rectifications: [r2024] }, 2024)).toEqual(["r2"]);
    // closed on 2025-02-01: still open on 2024-12-31, so 2024 stays found; closed by 2025's date, so 2025 is clean
    const closedLater = { ...r2024, status: "closed" as const, closedDate: "2025-02-01" };
    expect(subjectsFound(milestoneSlipped, { rectifications: [closedLater] }, 2024)).toEqual(["r2"]);
    expect(subjectsFound(milestoneSlipped, { rectifications: [closedLater] }, 2025)).toEqual([]);
    // look-alike: closed before the year ended is clean for that year
    const closedInYear = {
      ...r2024,
      status: "closed" as const,
      plan: { milestones: [m("m1", "2024-04-01", "2024-12-10")], roadmap: "" },
      closedDate: "2024-12-20",
    };
    expect(subjectsFound(milestoneSlipped, { rectifications: [closedInYear] }, 2024)).toEqual([]);
  });

  it("names the milestone, its due date and the slipped ones as evidence", () => {
    const [f] = runDetector(
      milestoneSlipped,
      { rectifications: [planned([m("m1", "2025-04-01", null), m("m2", "2025-06-01", null)])] },
      2025,
    );
    expect(f).toMatchObject({
      severity: "medium",
      subjectType: "rectification",
      evidence: ["r1", "m1", "m2"],
    });
    expect(f?.message.zh).toContain("应于2025-04-01完成");
    expect(f?.message.zh).toContain("共2个节点滞后");
  });
});
