import { describe, expect, it } from "vitest";
import type { FundUseCategory } from "../../funds/fund.js";
import { COUNTY, fund, fundUse, runDetector, subjectsFound } from "../testing/fixtures.js";
import { panWelfareFund } from "./pan-welfare-fund.js";

const records = (amounts: [FundUseCategory, number][], year = 2025) => ({
  funds: [fund("f1", year, 1_000_000), fund("f2", year, 1_000_000)],
  fundUses: amounts.map(([category, fen], i) => fundUse(`u${i}`, i % 2 ? "f2" : "f1", year, category, fen)),
});

describe("FUNDS.PAN_WELFARE: judged as a share", () => {
  it.each([
    { name: "half to photovoltaics and equity", welfare: 500, fires: true },
    { name: "20.1% to welfare uses", welfare: 201, fires: true },
    { name: "exactly 20%", welfare: 200, fires: false },
    { name: "one small photovoltaic use (5%)", welfare: 50, fires: false },
  ])("$name → $fires", ({ welfare, fires }) => {
    const found = subjectsFound(
      panWelfareFund,
      records([
        ["industry", 1000 - welfare],
        ["photovoltaic", welfare],
      ]),
      2025,
    );
    expect(found).toEqual(fires ? [COUNTY] : []);
  });

  it("does not count infrastructure or other uses", () => {
    expect(
      subjectsFound(
        panWelfareFund,
        records([
          ["industry", 500],
          ["infrastructure", 500],
        ]),
        2025,
      ),
    ).toEqual([]);
  });

  it("lists the uses and names their kinds", () => {
    const [finding] = runDetector(
      panWelfareFund,
      records([
        ["industry", 400],
        ["photovoltaic", 300],
        ["equity_in_enterprise", 300],
      ]),
      2025,
    );
    expect(finding).toMatchObject({ evidence: ["u1", "u2"], regionCode: COUNTY, severity: "high" });
    expect(finding?.message.zh).toContain("60.0%（6.00元）投向光伏、入股企业");
  });
});
