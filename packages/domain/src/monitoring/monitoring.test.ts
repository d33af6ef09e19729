import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createMonitoring } from "./monitoring.js";

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected MONITORING.INVALID_INPUT");
  expect(result.error.code).toBe("MONITORING.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

describe("createMonitoring", () => {
  const valid = {
    id: "mon1",
    householdId: "h1",
    category: "marginal",
    riskType: "illness",
    identifiedDate: "2023-03-15",
  };

  it.each([
    ["an open risk", {}, { removedDate: null }],
    ["a removed risk", { removedDate: "2024-01-10" }, { removedDate: "2024-01-10" }],
    ["removed on the day identified", { removedDate: "2023-03-15" }, {}],
    ["an unstable exited household", { category: "unstable_exited", riskType: "industry_failure" }, {}],
  ])("accepts %s", (_name, patch, expected) => {
    const result = createMonitoring({ ...valid, ...patch });
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["removal before identification", { removedDate: "2023-03-14" }, "removedDate"],
    ["an impossible identification date", { identifiedDate: "2023-02-29" }, "identifiedDate"],
    ["an unknown category", { category: "边缘易致贫户" }, "category"],
    ["an unknown risk type", { riskType: "flood" }, "riskType"],
    ["a blank household", { householdId: "" }, "householdId"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createMonitoring({ ...valid, ...patch }))).toContain(path);
  });
});
