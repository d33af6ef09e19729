import { describe, expect, it } from "vitest";
import {
  fund,
  fundUse,
  household,
  project,
  subsidy,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
} from "../testing/fixtures.js";
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
  it("files a use under its project's region, else its fund's, with the target in force that year", () => {
    expect(runMetric(fundIndustryShare, records, 2025)).toEqual([
      { code: "FUND_INDUSTRY_SHARE", numerator: 600_000, denominator: 1_100_000, target: 0.6 },
    ]);
    const policy = { industryFundShareTargets: [{ fromYear: 2025, value: 0.7 }] };
    expect(runMetric(fundIndustryShare, records, 2025, { policy })[0]?.target).toBe(0.7);
    expect(runMetric(fundIndustryShare, records, 2025, { region: TOWN_A })[0]).toMatchObject({
      numerator: 600_000,
      denominator: 600_000,
    });
    expect(runMetric(fundIndustryShare, records, 2024)[0]).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it("has no target before 2021, 55% in 2021–2022, 60% from 2023", () => {
    const targetOf = (year: number) => runMetric(fundIndustryShare, records, year)[0]?.target;
    expect([2020, 2021, 2022, 2023].map(targetOf)).toEqual([undefined, 0.55, 0.55, 0.6]);
  });

  it("counts household subsidies paid from a fund as industry, in the household's region", () => {
    const withSubsidy = {
      ...records,
      households: [household("h1", A1)],
      subsidies: [{ ...subsidy("s1", "h1", "2025-05-01", 400_000), fundId: "f1" }],
    };
    expect(runMetric(fundIndustryShare, withSubsidy, 2025, { region: TOWN_A })[0]).toMatchObject({
      numerator: 1_000_000,
      denominator: 1_000_000,
    });
  });
});
