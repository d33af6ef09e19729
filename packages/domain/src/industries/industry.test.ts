import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createHouseholdIndustry, createIndustry, createVillageIndustry } from "./industry.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createIndustry", () => {
  const valid = {
    id: "ind-bee",
    code: "beekeeping",
    name: "养蜂",
    category: "beekeeping",
    outcomeUnit: "群",
  };

  it("accepts an industry of the catalogue", () => {
    expect(createIndustry(valid)).toEqual({ ok: true, value: valid });
    expect(createIndustry({ ...valid, code: "navel_orange", name: " 脐橙 ", category: "fruit" }).ok).toBe(
      true,
    );
  });

  it.each([
    ["an upper-case code", { code: "Beekeeping" }, "code"],
    ["a Chinese code", { code: "养蜂" }, "code"],
    ["a one-letter code", { code: "b" }, "code"],
    ["a blank name", { name: " " }, "name"],
    ["an unknown category", { category: "bees" }, "category"],
    ["a blank unit", { outcomeUnit: "" }, "outcomeUnit"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createIndustry({ ...valid, ...patch }), "INDUSTRY.INVALID_INPUT")).toContain(path);
  });
});

describe("createVillageIndustry", () => {
  const valid = {
    id: "vi1",
    villageCode: "360723100201",
    industryId: "ind-orange",
    year: 2024,
    trialStatus: "trialled",
    trialYear: 2022,
    scaledUp: true,
    scale: 300,
  };

  it.each([
    ["a trialled industry scaled up", {}],
    ["a trial in the same year", { trialStatus: "trialling", trialYear: 2024, scaledUp: false }],
    ["an industry never trialled", { trialStatus: "none", trialYear: null, scaledUp: false }],
    ["no trial year given for an untrialled industry", { trialStatus: "none", trialYear: undefined }],
  ])("accepts %s", (_name, patch) => {
    expect(createVillageIndustry({ ...valid, ...patch }).ok).toBe(true);
  });

  it.each([
    ["a trial without its year", { trialYear: null }, "trialYear"],
    ["a trial year for an untrialled industry", { trialStatus: "none" }, "trialYear"],
    ["a trial after the record's year", { trialYear: 2025 }, "trialYear"],
    ["a township code", { villageCode: "360723100" }, "villageCode"],
    ["a negative scale", { scale: -1 }, "scale"],
    ["a fractional scale", { scale: 2.5 }, "scale"],
    ["scaledUp as text", { scaledUp: "是" }, "scaledUp"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createVillageIndustry({ ...valid, ...patch }), "VILLAGE_INDUSTRY.INVALID_INPUT")).toContain(
      path,
    );
  });
});

describe("createHouseholdIndustry", () => {
  const valid = {
    id: "hi1",
    householdId: "h1",
    industryId: "ind-bee",
    year: 2024,
    unitsStarted: 10,
    unitsSurvived: 4,
    debtFen: 500_000,
  };

  it("accepts outcomes", () => {
    expect(createHouseholdIndustry(valid)).toEqual({ ok: true, value: valid });
    expect(createHouseholdIndustry({ ...valid, unitsSurvived: 10, debtFen: 0 }).ok).toBe(true);
    expect(createHouseholdIndustry({ ...valid, unitsStarted: 0, unitsSurvived: 0 }).ok).toBe(true);
  });

  it.each([
    ["more colonies surviving than started", { unitsSurvived: 11 }, "unitsSurvived"],
    ["negative units", { unitsStarted: -1 }, "unitsStarted"],
    ["fractional units", { unitsSurvived: 3.5 }, "unitsSurvived"],
    ["negative debt", { debtFen: -1 }, "debtFen"],
    ["fractional debt", { debtFen: 0.5 }, "debtFen"],
  ])("refuses %s", (_name, patch, path) => {
    expect(
      paths(createHouseholdIndustry({ ...valid, ...patch }), "HOUSEHOLD_INDUSTRY.INVALID_INPUT"),
    ).toContain(path);
  });
});
