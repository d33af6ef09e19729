import { describe, expect, it } from "vitest";
import type { FundUseCategory } from "../../funds/fund.js";
import { COUNTY, fund, fundUse, runDetector, subjectsFound } from "../testing/fixtures.js";
import { lowIndustryFundShare } from "./low-industry-fund-share.js";

const uses = (amounts: [FundUseCategory, number][], year = 2025) =>
  amounts.map(([category, fen], i) => fundUse(`u${i}`, "f1", year, category, fen));

describe("FUNDS.LOW_INDUSTRY_SHARE", () => {
  it.each([
    {
      name: "fires at 50% industry (target 60%)",
      fundUses: uses([
        ["industry", 500],
        ["photovoltaic", 500],
      ]),
      policy: {},
      expected: [COUNTY],
    },
    {
      name: "does not fire at exactly 60%",
      fundUses: uses([
        ["industry", 600],
        ["infrastructure", 400],
      ]),
      policy: {},
      expected: [],
    },
    {
      name: "fires at 60% against a 65% county target",
      fundUses: uses([
        ["industry", 600],
        ["infrastructure", 400],
      ]),
      policy: { industryFundShareTarget: 0.65 },
      expected: [COUNTY],
    },
    {
      name: "does not fire with no uses in the year",
      fundUses: uses([["welfare", 1000]], 2024),
      policy: {},
      expected: [],
    },
  ])("$name", ({ fundUses, policy, expected }) => {
    expect(
      subjectsFound(lowIndustryFundShare, { funds: [fund("f1", 2024, 10_000)], fundUses }, 2025, { policy }),
    ).toEqual(expected);
  });

  it("is a county finding with the non-industry uses as evidence", () => {
    const [finding] = runDetector(
      lowIndustryFundShare,
      {
        funds: [fund("f1", 2025, 10_000)],
        fundUses: uses([
          ["industry", 300],
          ["equity_in_enterprise", 700],
        ]),
      },
      2025,
    );
    expect(finding).toMatchObject({
      regionCode: COUNTY,
      subjectType: "county",
      evidence: ["u1"],
      severity: "critical",
    });
    expect(finding?.message.zh).toContain("占30.0%，低于60%的目标");
  });
});
