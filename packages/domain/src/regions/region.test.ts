import { describe, expect, it } from "vitest";
import { createRegion, isPoorVillage, regionCodeSchema } from "./region.js";

function issuePaths(result: ReturnType<typeof createRegion>): string[] {
  if (result.ok) throw new Error("expected a failure");
  expect(result.error.code).toBe("REGION.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

describe("createRegion", () => {
  it.each([
    [
      { code: "360723", name: "大余县" },
      { level: "county", parentCode: "3607", isPoorVillage: false },
    ],
    [
      { code: "36", name: "江西省" },
      { level: "province", parentCode: null },
    ],
    [
      { code: "360723200", name: "河洞乡" },
      { level: "township", parentCode: "360723" },
    ],
    [
      { code: "360723100000", name: "南安镇" },
      { code: "360723100", level: "township" },
    ],
    [
      { code: "360723100201", name: " 新华村 ", isPoorVillage: true },
      { name: "新华村", level: "village", parentCode: "360723100", isPoorVillage: true },
    ],
    [
      { code: "３６０７２３１００２０１", name: "𠀀村" },
      { code: "360723100201", name: "𠀀村" },
    ],
  ])("accepts %j", (input, expected) => {
    const result = createRegion(input);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    [{ code: "36072A", name: "x" }, "code"],
    [{ code: "360700000000", name: "x", isPoorVillage: true }, "isPoorVillage"],
    [{ code: "360723100", name: "南安镇", isPoorVillage: true }, "isPoorVillage"],
    [{ code: 360723, name: "大余县" }, "code"],
    [{ code: "360723", name: "   " }, "name"],
    [{ code: "360723", name: "" }, "name"],
    [{ code: "360723" }, "name"],
    [{ code: "360723100201", name: "新华村", isPoorVillage: "是" }, "isPoorVillage"],
  ])("refuses %j naming %s", (input, path) => {
    expect(issuePaths(createRegion(input))).toContain(path);
  });

  it("isPoorVillage is true only for a village flagged poor", () => {
    const village = createRegion({ code: "360723100201", name: "新华村", isPoorVillage: true });
    const other = createRegion({ code: "360723100202", name: "三江村" });
    expect(village.ok && isPoorVillage(village.value)).toBe(true);
    expect(other.ok && isPoorVillage(other.value)).toBe(false);
  });

  it("regionCodeSchema gives the short form", () => {
    expect(regionCodeSchema.parse("360723000000")).toBe("360723");
  });
});
