import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy.js";
import {
  entity,
  household,
  linkage,
  linkageYearsFrom,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { averageLinkageBenefit, linkageRetention, shallowLinkageShare } from "./linkage-benefit.js";

const [A1] = VILLAGES_A;
const [B1] = VILLAGES_B;
const records = {
  households: [household("h1", A1), household("h2", A1), household("h4", B1)],
  entities: [entity("e1", TOWN_A)],
  linkages: [
    linkage("l1", "e1", "h1", 2023),
    linkage("l2", "e1", "h2", 2023),
    linkage("l4", "e1", "h4", 2023),
  ],
  linkageYears: linkageYearsFrom({ 2024: { l1: 50_000, l2: 30_000 }, 2025: { l1: 100_000, l4: 10_000 } }),
};

describe("linkage benefit metrics", () => {
  it("LINKAGE_RETENTION: of last year's participants in the region, those still taking part", () => {
    expect(countsOf(linkageRetention, records, 2025, { region: TOWN_A })).toEqual([1, 2]);
    expect(countsOf(linkageRetention, records, 2025, { region: TOWN_B })).toEqual([0, 0]);
  });

  it("SHALLOW_LINKAGE_SHARE: paying records below what their mode yields", () => {
    // employment: least 1,500 yuan a year; l1 paid 1,000 and l4 100 → both tokens
    expect(countsOf(shallowLinkageShare, records, 2025)).toEqual([2, 2]);
    const yields = (employment: number) => ({
      policy: { modeYieldFen: { ...DEFAULT_POLICY.modeYieldFen, employment } },
    });
    expect(countsOf(shallowLinkageShare, records, 2025, yields(50_000))).toEqual([1, 2]);
    expect(countsOf(shallowLinkageShare, records, 2025, yields(5_000))).toEqual([0, 2]);
  });

  it("AVERAGE_LINKAGE_BENEFIT: fen received over households taking part", () => {
    expect(countsOf(averageLinkageBenefit, records, 2025)).toEqual([110_000, 2]);
    expect(countsOf(averageLinkageBenefit, records, 2025, { region: TOWN_A })).toEqual([100_000, 1]);
  });
});
