import { describe, expect, it } from "vitest";
import type { LinkageMode, LinkageYear } from "../../linkage/linkage.js";
import { entityScene, linkageYear, runDetector, subjectsFound, TOWN_A } from "../testing/fixtures.js";
import { shallowLinkage } from "./shallow-linkage.js";

const records = (mode: LinkageMode, fen: number, basis: Partial<LinkageYear> = {}) => ({
  ...entityScene({ households: ["h1"], linkage: { mode } }),
  linkageYears: [{ ...linkageYear("l-h1", 2025, fen), ...basis }],
});

describe("LINKAGE.SHALLOW: a token against what the mode yields", () => {
  it.each([
    { name: "wages of 100 yuan a year", mode: "employment", fen: 10_000, basis: {}, fires: true },
    { name: "wages of 1,499 yuan (least 1,500)", mode: "employment", fen: 149_900, basis: {}, fires: true },
    { name: "wages of exactly 1,500 yuan", mode: "employment", fen: 150_000, basis: {}, fires: false },
    { name: "nothing paid (that is fake, not shallow)", mode: "employment", fen: 0, basis: {}, fires: false },
    { name: "a 250-yuan dividend", mode: "equity_dividend", fen: 25_000, basis: {}, fires: true },
    { name: "a 300-yuan dividend", mode: "equity_dividend", fen: 30_000, basis: {}, fires: false },
    { name: "rent of 300 yuan, area not recorded", mode: "land_lease", fen: 30_000, basis: {}, fires: false },
  ] as const)("$name → $fires", ({ mode, fen, basis, fires }) => {
    expect(subjectsFound(shallowLinkage, records(mode, fen, basis), 2025)).toEqual(fires ? ["l-h1"] : []);
  });

  // Where the record says what was invested, worked or leased, the least is 5% of the investment,
  // 1,000 yuan a month worked or 200 yuan a mu.
  it.each([
    { mode: "equity_dividend", fen: 240_000, basis: { investedFen: 5_000_000 }, fires: true }, // least 2,500
    { mode: "equity_dividend", fen: 250_000, basis: { investedFen: 5_000_000 }, fires: false },
    { mode: "employment", fen: 200_000, basis: { monthsWorked: 3 }, fires: true }, // least 3,000
    { mode: "employment", fen: 200_000, basis: { monthsWorked: 2 }, fires: false },
    { mode: "land_lease", fen: 30_000, basis: { areaMu: 2 }, fires: true }, // least 400
  ] as const)("$mode paying $fen fen against $basis → $fires", ({ mode, fen, basis, fires }) => {
    expect(subjectsFound(shallowLinkage, records(mode, fen, basis), 2025)).toEqual(fires ? ["l-h1"] : []);
  });

  it("reads a county's own least yields", () => {
    const policy = {
      modeYieldFen: {
        order_purchase: 0,
        land_lease: 0,
        employment: 500_000,
        equity_dividend: 0,
        entrusted_raising: 0,
        asset_income: 0,
      },
    };
    expect(subjectsFound(shallowLinkage, records("employment", 200_000), 2025, { policy })).toEqual(["l-h1"]);
  });

  it("says how much was paid against what the mode should yield", () => {
    const [finding] = runDetector(shallowLinkage, records("employment", 5_000), 2025);
    expect(finding).toMatchObject({
      evidence: ["l-h1", "l-h1-2025"],
      severity: "medium",
      regionCode: TOWN_A,
    });
    expect(finding?.message.zh).toContain("仅带来50.00元收益，低于该方式应有的1500.00元");
  });
});
