import { describe, expect, it } from "vitest";
import { COUNTY, fund, fundUse, runDetector, subjectsFound, TOWN_B } from "../testing/fixtures.js";
import { panWelfareFund } from "./pan-welfare-fund.js";

describe("FUNDS.PAN_WELFARE", () => {
  it("fires for funds used on equity, photovoltaics or welfare in the year, not for industry or other years", () => {
    const records = {
      funds: [
        fund("f1", 2025, 1_000_000),
        fund("f2", 2025, 1_000_000),
        fund("f3", 2024, 1_000_000),
        fund("f4", 2025, 1_000_000, { regionCode: TOWN_B }),
      ],
      fundUses: [
        fundUse("u1", "f1", 2025, "photovoltaic", 300_000),
        fundUse("u2", "f1", 2025, "equity_in_enterprise", 200_000),
        fundUse("u3", "f1", 2025, "industry", 500_000),
        fundUse("u4", "f2", 2025, "industry", 900_000),
        fundUse("u5", "f3", 2024, "equity_in_enterprise", 900_000),
        fundUse("u6", "f4", 2025, "welfare", 100_000),
      ],
    };
    expect(subjectsFound(panWelfareFund, records, 2025)).toEqual(["f1", "f4"]);
    const found = runDetector(panWelfareFund, records, 2025);
    expect(found.find((f) => f.subjectId === "f1")).toMatchObject({
      evidence: ["u1", "u2"],
      regionCode: COUNTY,
      severity: "high",
    });
    expect(found.find((f) => f.subjectId === "f4")?.regionCode).toBe(TOWN_B);
    expect(found.find((f) => f.subjectId === "f1")?.message.zh).toContain("5000.00元用于光伏、入股企业");
  });

  it("does not fire when funds go to industry", () => {
    const records = {
      funds: [fund("f1", 2025, 1_000_000)],
      fundUses: [fundUse("u1", "f1", 2025, "industry", 300_000)],
    };
    expect(subjectsFound(panWelfareFund, records, 2025)).toEqual([]);
  });
});
