import { describe, expect, it } from "vitest";
import {
  activity,
  entity,
  householdsIn,
  linkage,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { emptyShellCooperative } from "./empty-shell-cooperative.js";

const v = VILLAGES_A[0];

describe("ENTITY.EMPTY_SHELL", () => {
  it("fires for a linked cooperative with no activity this year, not for active or other entities", () => {
    const records = {
      households: householdsIn(v, ["h1", "h2", "h3", "h4"]),
      entities: [
        entity("c1", TOWN_A), // activity only in 2024 → empty shell
        entity("c2", TOWN_A), // active in 2025
        entity("e3", TOWN_A, { kind: "leading_enterprise" }), // not a cooperative
        entity("c4", TOWN_A), // no linkage in force in 2025
      ],
      entityActivities: [activity("a1", "c1", "2024-10-01"), activity("a2", "c2", "2025-03-01")],
      linkages: [
        linkage("l1", "c1", "h1", 2023),
        linkage("l2", "c2", "h2", 2023),
        linkage("l3", "e3", "h3", 2023),
        linkage("l4", "c4", "h4", 2020, { endYear: 2022 }),
      ],
    };
    expect(subjectsFound(emptyShellCooperative, records, 2025)).toEqual(["c1"]);
    // in 2024 it is the other way round: c1 was active, c2 shows nothing until 2025
    expect(subjectsFound(emptyShellCooperative, records, 2024)).toEqual(["c2"]);
    const [finding] = runDetector(emptyShellCooperative, records, 2025);
    expect(finding).toMatchObject({ evidence: ["c1", "l1"], severity: "high", subjectType: "entity" });
    expect(finding?.message.zh).toContain("空壳合作社");
  });

  it("is reported in each township whose households the shell links, with those households", () => {
    const records = {
      households: [...householdsIn(v, ["h1"]), ...householdsIn(VILLAGES_B[0], ["h2", "h3"])],
      entities: [entity("c1", TOWN_A)],
      entityActivities: [activity("a1", "c1", "2024-10-01")],
      linkages: ["h1", "h2", "h3"].map((h) => linkage(`l-${h}`, "c1", h, 2023)),
    };
    const found = runDetector(emptyShellCooperative, records, 2025);
    expect(found.map((f) => [f.regionCode, f.evidence])).toEqual([
      [TOWN_A, ["c1", "l-h1"]],
      [TOWN_B, ["c1", "l-h2", "l-h3"]],
    ]);
    expect(found[1]?.message.zh).toContain("2025年联结新城镇2户贫困户");
  });
});
