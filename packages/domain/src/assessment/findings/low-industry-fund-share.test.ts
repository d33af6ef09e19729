import { describe, expect, it } from "vitest";
import type { FundUseCategory } from "../../funds/fund.js";
import {
  COUNTY,
  fund,
  fundUse,
  household,
  runDetector,
  subjectsFound,
  subsidy,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { lowIndustryFundShare } from "./low-industry-fund-share.js";

const uses = (amounts: [FundUseCategory, number][], year: number) =>
  amounts.map(([category, fen], i) => fundUse(`u${i}`, "f1", year, category, fen));

describe("FUNDS.LOW_INDUSTRY_SHARE: a dated target", () => {
  it.each([
    { name: "2025: 50% against 60%", year: 2025, industry: 500, fires: true },
    { name: "2025: 59.9% against 60%", year: 2025, industry: 599, fires: true },
    { name: "2025: exactly 60%", year: 2025, industry: 600, fires: false },
    { name: "2022: 56% against 55%", year: 2022, industry: 560, fires: false },
    { name: "2022: 54.9% against 55%", year: 2022, industry: 549, fires: true },
    { name: "2023: 56% against 60%", year: 2023, industry: 560, fires: true },
    { name: "2020: 10%, before any target", year: 2020, industry: 100, fires: false },
  ])("$name → $fires", ({ year, industry, fires }) => {
    const records = {
      funds: [fund("f1", year, 10_000)],
      fundUses: uses(
        [
          ["industry", industry],
          ["infrastructure", 1000 - industry],
        ],
        year,
      ),
    };
    expect(subjectsFound(lowIndustryFundShare, records, year)).toEqual(fires ? [COUNTY] : []);
  });

  it("counts household 种养 subsidies paid from a fund as industry", () => {
    const records = {
      households: [household("h1", VILLAGES_A[0])],
      funds: [fund("f1", 2025, 10_000)],
      fundUses: uses(
        [
          ["industry", 500],
          ["infrastructure", 500],
        ],
        2025,
      ),
      subsidies: [{ ...subsidy("s1", "h1", "2025-05-01", 300), fundId: "f1" }],
    };
    // 800 of 1,300 is 61.5%: above the target only with the subsidy counted
    expect(subjectsFound(lowIndustryFundShare, records, 2025)).toEqual([]);
    expect(subjectsFound(lowIndustryFundShare, { ...records, subsidies: [] }, 2025)).toEqual([COUNTY]);
  });

  it("applies a county's own dated targets", () => {
    const records = {
      funds: [fund("f1", 2025, 10_000)],
      fundUses: uses(
        [
          ["industry", 600],
          ["infrastructure", 400],
        ],
        2025,
      ),
    };
    const policy = { industryFundShareTargets: [{ fromYear: 2024, value: 0.65 }] };
    expect(subjectsFound(lowIndustryFundShare, records, 2025, { policy })).toEqual([COUNTY]);
  });

  it("is a county finding with the non-industry spending as evidence and the year's target", () => {
    const [finding] = runDetector(
      lowIndustryFundShare,
      {
        funds: [fund("f1", 2025, 10_000)],
        fundUses: uses(
          [
            ["industry", 300],
            ["equity_in_enterprise", 700],
          ],
          2025,
        ),
      },
      2025,
    );
    expect(finding).toMatchObject({ regionCode: COUNTY, subjectType: "county", evidence: ["u1"] });
    expect(finding?.severity).toBe("critical");
    expect(finding?.message.zh).toContain("占30.0%，低于2025年60%的要求");
  });
});
