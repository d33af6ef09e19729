import { describe, expect, it } from "vitest";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { projectStageOrder } from "./project-rules.js";

const d = validData();
const p1 = d.projects[0]!;

describe("project rules on a partial ledger (one project)", () => {
  it("PROJECT_STAGE_ORDER holds for the procedure in order", () => {
    expect(projectStageOrder.check({ countyCode: d.countyCode, projects: [p1] })).toEqual([]);
  });

  it.each([
    ["a project starting at review", p1.stages.slice(1)],
    ["stages going backward", [...p1.stages, { stage: "review" as const, date: "2024-03-01" }]],
  ])("PROJECT_STAGE_ORDER fires on %s", (_, stages) => {
    const [v] = projectStageOrder.check({ countyCode: d.countyCode, projects: [{ ...p1, stages }] });
    expect(v).toMatchObject({ code: "LEDGER.PROJECT_STAGE_ORDER", recordIds: ["p1"], field: "stages" });
  });
});
