import { describe, expect, it } from "vitest";
import type { ProjectStage } from "../../projects/project.js";
import { project, runDetector, subjectsFound, VILLAGES_A } from "../testing/fixtures.js";
import { projectNotAccepted } from "./project-not-accepted.js";
import { projectStalled } from "./project-stalled.js";

const v = VILLAGES_A[0];
const stages = (...pairs: [ProjectStage, string][]) => pairs.map(([stage, date]) => ({ stage, date }));
const FULL = ["application", "review", "appraisal", "approval", "public_notice", "implementation"] as const;
/** A project that went through the library on the given dates, one stage a date. */
const through = (id: string, year: number, ...dates: string[]) =>
  project(id, year, v, { stages: dates.map((date, i) => ({ stage: FULL[i]!, date })) });

describe("PROJECT.STALLED: more than projectStallDays (180) in one stage before implementation", () => {
  it.each([
    // assessed 2024 as of 2024-12-31
    {
      name: "approved 2024-06-30, nothing since: 184 days",
      dates: ["2024-03-01", "2024-06-30"],
      year: 2024,
      fires: true,
    },
    {
      name: "approved 2024-07-04: exactly 180 days",
      dates: ["2024-03-01", "2024-07-04"],
      year: 2024,
      fires: false,
    },
    { name: "approved 2024-07-03: 181 days", dates: ["2024-03-01", "2024-07-03"], year: 2024, fires: true },
    { name: "still stalled a year later", dates: ["2023-03-01", "2023-05-01"], year: 2024, fires: true },
    {
      name: "look-alike: a project that moved through the library in weeks and is being built",
      dates: ["2024-01-05", "2024-01-20", "2024-02-01", "2024-02-10", "2024-02-11", "2024-02-25"],
      year: 2024,
      fires: false,
    },
    { name: "a project of a later year is not judged", dates: ["2024-03-01"], year: 2023, fires: false },
  ])("$name → $fires", ({ dates, year, fires }) => {
    expect(subjectsFound(projectStalled, { projects: [through("p1", 2024, ...dates)] }, year)).toEqual(
      fires ? ["p1"] : [],
    );
  });

  it("judges the stage reached by the assessment date: implementation later does not clear an earlier year", () => {
    const p = through(
      "p1",
      2023,
      "2023-01-10",
      "2023-02-01",
      "2023-02-20",
      "2023-03-01",
      "2023-03-05",
      "2024-04-01",
    );
    expect(subjectsFound(projectStalled, { projects: [p] }, 2023)).toEqual(["p1"]);
    expect(subjectsFound(projectStalled, { projects: [p] }, 2024)).toEqual([]);
  });

  it("names the stage and the days", () => {
    const [f] = runDetector(
      projectStalled,
      { projects: [through("p1", 2024, "2024-03-01", "2024-04-01")] },
      2024,
    );
    expect(f).toMatchObject({ severity: "high", subjectType: "project", evidence: ["p1"] });
    expect(f?.message.zh).toContain("停留在审核阶段已274天");
  });
});

describe("PROJECT.NOT_ACCEPTED: implemented more than acceptanceDueDays (365) ago and not accepted", () => {
  const built = (implemented: string, more: [ProjectStage, string][] = []) =>
    project("p1", 2023, v, {
      stages: stages(["application", "2023-01-05"], ["implementation", implemented], ...more),
    });
  it.each([
    {
      name: "implemented 2023-12-30, not accepted by 2024-12-31: 367 days",
      impl: "2023-12-30",
      year: 2024,
      fires: true,
    },
    { name: "implemented 2024-01-01: exactly 365 days", impl: "2024-01-01", year: 2024, fires: false },
    { name: "implemented 2023-12-31: 366 days", impl: "2023-12-31", year: 2024, fires: true },
    {
      name: "implemented 2023-03-01, assessed 2023: not yet due",
      impl: "2023-03-01",
      year: 2023,
      fires: false,
    },
  ])("$name → $fires", ({ impl, year, fires }) => {
    expect(subjectsFound(projectNotAccepted, { projects: [built(impl)] }, year)).toEqual(fires ? ["p1"] : []);
  });

  it("look-alike: accepted within the year, or accepted late but before the assessment date", () => {
    const onTime = built("2023-03-01", [["acceptance", "2023-11-01"]]);
    expect(subjectsFound(projectNotAccepted, { projects: [onTime] }, 2024)).toEqual([]);
    const late = built("2023-03-01", [["acceptance", "2025-02-01"]]);
    expect(subjectsFound(projectNotAccepted, { projects: [late] }, 2024)).toEqual(["p1"]);
    expect(subjectsFound(projectNotAccepted, { projects: [late] }, 2025)).toEqual([]);
  });
});
