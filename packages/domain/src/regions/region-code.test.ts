import { describe, expect, it } from "vitest";
import { createRegion } from "./region.js";
import { countyOf, isWithinRegion, parseRegionCode, shortRegionCode, townshipOf } from "./region-code.js";

describe("parseRegionCode", () => {
  it.each([
    ["36", "province", []],
    ["3607", "city", ["36"]],
    ["360723", "county", ["36", "3607"]],
    ["360723100", "township", ["36", "3607", "360723"]],
    ["360723100201", "village", ["36", "3607", "360723", "360723100"]],
    ["360723000000", "county", ["36", "3607"]],
    ["360723200000", "township", ["36", "3607", "360723"]],
    ["３６０７２３", "county", ["36", "3607"]],
    ["360700000000", "city", ["36"]],
    ["360000000000", "province", []],
    ["360723100000", "township", ["36", "3607", "360723"]],
    [" 360723100201 ", "village", ["36", "3607", "360723", "360723100"]],
  ])("%s is a %s with ancestors %j", (text, level, ancestors) => {
    const r = parseRegionCode(text);
    expect(r.ok && { level: r.value.level, ancestors: r.value.ancestors }).toEqual({ level, ancestors });
  });

  it.each([
    ["360723001", "street"],
    ["360723100", "town"],
    ["360723202", "township"],
    ["360723400", "other"],
  ])("%s is a %s", (code, kind) => {
    const r = parseRegionCode(code);
    expect(r.ok && r.value.townshipKind).toBe(kind);
  });

  it.each([
    ["360723100001", "residents"],
    ["360723100201", "villagers"],
    ["360723100401", "other"],
  ])("village %s is %s", (code, kind) => {
    const r = parseRegionCode(code);
    expect(r.ok && r.value.villageKind).toBe(kind);
  });

  it("gives the 12-digit form", () => {
    const r = parseRegionCode("360723100");
    expect(r.ok && r.value.fullCode).toBe("360723100000");
  });

  it.each([
    "",
    "   ",
    "36a723",
    "3.60723E+11",
    "360 723",
    "3607231",
    "36072310",
    "3607231002011",
    "00",
    "000000000000",
    "360023",
    "360700",
    "360723000",
    "360723000201",
    "360000100201",
    "3600000",
  ])("refuses %j", (text) => {
    const r = parseRegionCode(text);
    expect(!r.ok && r.error.code).toBe("REGION_CODE.INVALID");
  });

  it("helpers", () => {
    expect(shortRegionCode("360700000000")).toBe("3607");
    expect(isWithinRegion("360723100201", "360723100")).toBe(true);
    expect(isWithinRegion("360723101201", "360723100")).toBe(false);
    expect(townshipOf("360723100201")).toBe("360723100");
    expect(townshipOf("360723")).toBeUndefined();
    expect(countyOf("360723100")).toBe("360723");
    expect(countyOf("3607")).toBeUndefined();
  });
});

describe("createRegion", () => {
  it("builds a poor village with its parent", () => {
    const r = createRegion({ code: "360723100201", name: "𠀀坑村", isPoorVillage: true });
    expect(r.ok && r.value).toEqual({
      code: "360723100201",
      name: "𠀀坑村",
      level: "village",
      parentCode: "360723100",
      isPoorVillage: true,
    });
  });

  it.each([
    [{ code: "360723100", name: "南安镇", isPoorVillage: true }, "isPoorVillage"],
    [{ code: "36x723", name: "大余县" }, "code"],
    [{ code: "360723", name: " " }, "name"],
  ])("refuses %j naming %s", (input, path) => {
    const r = createRegion(input);
    expect(!r.ok && r.error.code).toBe("REGION.INVALID_INPUT");
    expect(!r.ok && r.error.issues?.map((i) => i.path)).toContain(path);
  });
});
