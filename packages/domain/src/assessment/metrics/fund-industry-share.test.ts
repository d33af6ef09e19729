import { describe, expect, it } from "vitest";
import { fund, fundUse, project, TOWN_A, TOWN_B, VILLAGES_A } from "../testing/fixtures.js";
import { runMetric } from "../testing/metrics.js";
import { fundIndustryShare } from "./fund-industry-share.js";

const [A1] = VILLAGES_A;
const records = {
  funds: [fund("f1", 2025, 1_000_000), fund("f2", 2025, 1_000_000, { regionCode: TOWN_B })],
  projects: [project("p1", 2025, A1)],
  fundUses: [
    fundUse("u1", "f1", 2025, "industry", 600_000, { projectId: "p1" }),
    fundUse("u2", "f1", 2025, "infrastructure", 400_000),
    fundUse("u3", "f2", 2025, "welfare", 100_000),
  ],
};

describe("FUND_INDUSTRY_SHARE", () => {
  it("files a use under its project's region, else its fund's, with the policy's target", () => {
    expect(runMetric(fundIndustryShare, records, 2025, { policy: { industryFundShareTarget: 0.6 } })).toEqual(
      [{ code: "FUND_INDUSTRY_SHARE", numerator: 600_000, denominator: 1_100_000, target: 0.6 }],
    );
    expect(runMetric(fundIndustryShare, records, 2025, { region: TOWN_A })[0]).toMatchObject({
      numerator: 600_000,
      denominator: 600_000,
    });
    expect(runMetric(fundIndustryShare, records, 2024)[0]).toMatchObject({ numerator: 0, denominator: 0 });
  });
});
