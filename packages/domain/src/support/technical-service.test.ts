import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createTechnicalService } from "./technical-service.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createTechnicalService", () => {
  const valid = {
    id: "ts1",
    kind: "visit",
    date: "2024-06-10",
    regionCode: "360723100201",
    content: "蜂群病害防治",
  };

  it("applies defaults", () => {
    expect(createTechnicalService(valid)).toEqual({
      ok: true,
      value: { ...valid, industryId: null, householdIds: [] },
    });
  });

  it("accepts a training in a township for households", () => {
    expect(
      createTechnicalService({
        ...valid,
        kind: "training",
        regionCode: "360723100",
        householdIds: ["h1", "h2"],
      }).ok,
    ).toBe(true);
  });

  it.each([
    ["a county code", { regionCode: "360723" }, "regionCode"],
    ["blank content", { content: "  " }, "content"],
    ["a blank household id", { householdIds: ["h1", " "] }, "householdIds.1"],
    ["too many households", { householdIds: Array.from({ length: 501 }, (_, i) => `h${i}`) }, "householdIds"],
    ["an unknown kind", { kind: "lecture" }, "kind"],
    ["a date typed as Excel's serial number", { date: 45453 }, "date"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createTechnicalService({ ...valid, ...patch }), "SERVICE.INVALID_INPUT")).toContain(path);
  });
});
