import { describe, expect, it } from "vitest";
import { stagesOn } from "../assessment/testing/fixtures.js";
import type { DomainError, Result } from "../shared/result.js";
import {
  advanceProjectStage,
  checkStageOrder,
  createProject,
  currentStage,
  type Project,
  totalFundingFen,
} from "./project.js";

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected PROJECT.INVALID_INPUT");
  expect(result.error.code).toBe("PROJECT.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

const FULL = stagesOn({
  application: "2024-01-10",
  review: "2024-01-20",
  appraisal: "2024-02-01",
  approval: "2024-02-15",
  public_notice: "2024-02-20",
  implementation: "2024-03-01",
  acceptance: "2024-09-01",
  handover: "2024-10-01",
});

const valid = {
  id: "p1",
  name: "南安镇脐橙标准化果园建设项目",
  year: 2024,
  regionCode: "360723100201",
  industryId: "ind-orange",
  stages: FULL.slice(0, 1),
};

function project(stages = FULL.slice(0, 5)): Project {
  const result = createProject({ ...valid, stages });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("createProject", () => {
  it("applies defaults", () => {
    expect(createProject(valid)).toEqual({
      ok: true,
      value: {
        ...valid,
        entityId: null,
        fundingFen: {},
        beneficiaryHouseholdIds: [],
        linkageMode: null,
        performanceTarget: "",
      },
    });
  });

  it.each([
    ["every stage in order", { stages: FULL }],
    [
      "a public notice of exactly 10 days",
      { stages: [...FULL.slice(0, 5), { stage: "implementation", date: "2024-03-01" }] },
    ],
    ["stages on the same day", { stages: [FULL[0]!, { stage: "review", date: "2024-01-10" }] }],
    [
      "review skipped (only the public notice may not be)",
      { stages: [FULL[0]!, FULL[3]!, FULL[4]!, FULL[5]!] },
    ],
    ["funding by source", { fundingFen: { central: 500_000_000, county: 100_000_000 } }],
    [
      "beneficiaries, entity and mode",
      { beneficiaryHouseholdIds: ["h1"], entityId: "e1", linkageMode: "employment" },
    ],
    ["a township project", { regionCode: "360723100" }],
    // what really happens is recorded; PROJECT.NOTICE_SHORT judges it
    [
      "a public notice of 9 days",
      { stages: [...FULL.slice(0, 5), { stage: "implementation", date: "2024-02-29" }] },
    ],
    [
      "a public notice of 1 day before acceptance",
      { stages: [...FULL.slice(0, 5), { stage: "acceptance", date: "2024-02-21" }] },
    ],
    ["implementation without public notice", { stages: [...FULL.slice(0, 4), FULL[5]!] }],
  ])("accepts %s", (_name, patch) => {
    const result = createProject({ ...valid, ...patch });
    expect(result.ok ? "ok" : result.error.message).toBe("ok");
  });

  it.each([
    ["no stages", { stages: [] }, "stages"],
    ["a first stage other than application", { stages: [FULL[1]!] }, "stages.0.stage"],
    ["stages going backward", { stages: [FULL[0]!, FULL[2]!, FULL[1]!] }, "stages.2.stage"],
    ["a stage twice", { stages: [FULL[0]!, FULL[1]!, FULL[1]!] }, "stages.2.stage"],
    [
      "dates going backward",
      { stages: [FULL[0]!, { stage: "review", date: "2024-01-09" }] },
      "stages.1.date",
    ],
    ["an unknown stage", { stages: [FULL[0]!, { stage: "公示", date: "2024-02-01" }] }, "stages.1.stage"],
    ["an impossible stage date", { stages: [{ stage: "application", date: "2024-02-30" }] }, "stages.0.date"],
    ["negative funding", { fundingFen: { central: -1 } }, "fundingFen.central"],
    ["fractional funding", { fundingFen: { county: 10.5 } }, "fundingFen.county"],
    ["an unknown funding source", { fundingFen: { bank: 100 } }, "fundingFen"],
    ["a county code", { regionCode: "360723" }, "regionCode"],
    ["a blank name", { name: " " }, "name"],
    ["a blank beneficiary", { beneficiaryHouseholdIds: [""] }, "beneficiaryHouseholdIds.0"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createProject({ ...valid, ...patch }))).toContain(path);
  });
});

describe("checkStageOrder", () => {
  it("passes a full library sequence and finds the first bad stage", () => {
    expect(checkStageOrder(FULL)).toBeNull();
    expect(checkStageOrder([FULL[0]!, FULL[2]!, FULL[1]!, FULL[0]!])).toMatchObject({
      index: 2,
      field: "stage",
    });
  });
});

describe("project helpers", () => {
  it("currentStage is the last recorded stage", () => {
    expect(currentStage(project())).toBe("public_notice");
  });

  it("totalFundingFen adds every source", () => {
    const p = { ...project(), fundingFen: { central: 300, provincial: 200, self_raised: 5 } };
    expect(totalFundingFen(p)).toBe(505);
    expect(totalFundingFen({ ...p, fundingFen: {} })).toBe(0);
  });
});

describe("advanceProjectStage", () => {
  const change = (stage: string, date: string) => ({ projectId: "p1", stage, date });

  it("moves a project to its next stage", () => {
    const result = advanceProjectStage(project(), change("implementation", "2024-03-05"));
    expect(result.ok && currentStage(result.value)).toBe("implementation");
    expect(result.ok && result.value.stages).toHaveLength(6);
  });

  it("does not change the project it was given", () => {
    const before = project();
    advanceProjectStage(before, change("implementation", "2024-03-05"));
    expect(before.stages).toHaveLength(5);
  });

  it.each([
    ["back to an earlier stage", change("review", "2024-03-05"), "stage"],
    ["the same stage again", change("public_notice", "2024-03-05"), "stage"],
    ["dated before the current stage", change("implementation", "2024-02-19"), "date"],
  ])("refuses a move %s with PROJECT.STAGE_ORDER", (_name, input, path) => {
    const result = advanceProjectStage(project(), input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("PROJECT.STAGE_ORDER");
    expect(result.error.recordIds).toEqual(["p1"]);
    expect(result.error.issues?.[0]?.path).toBe(path);
  });

  it("records a skipped or short public notice (the findings judge it)", () => {
    const approved = project(FULL.slice(0, 4));
    expect(advanceProjectStage(approved, change("implementation", "2024-03-05")).ok).toBe(true);
    expect(advanceProjectStage(project(), change("implementation", "2024-02-25")).ok).toBe(true);
  });

  it.each([
    ["an impossible date", change("implementation", "2024-02-30"), "date"],
    ["an unknown stage", change("done", "2024-03-05"), "stage"],
    ["another project's id", { ...change("implementation", "2024-03-05"), projectId: "p2" }, "projectId"],
  ])("refuses %s as PROJECT.INVALID_INPUT", (_name, input, path) => {
    expect(paths(advanceProjectStage(project(), input))).toEqual([path]);
  });
});
