import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  householdIndustry,
  linkage,
  linkageYear,
  project,
  service,
  subsidy,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { fiveOnesHouseholds, industrySupportCoverage, linkageCoverage } from "./household-support.js";

const [A1, A2] = VILLAGES_A;
// h1 has all five supports in 2025; h2 only a subsidy; h3 nothing; h9 registers in 2026.
const records = {
  households: [
    household("h1", A1),
    household("h2", A1),
    household("h3", A2),
    household("h9", A2, { registeredYear: 2026 }),
  ],
  entities: [entity("e1", TOWN_A)],
  linkages: [linkage("l1", "e1", "h1", 2024)],
  linkageYears: [linkageYear("l1", 2025, 30_000)],
  householdIndustries: [householdIndustry("hi1", "h1", "ind-orange", 2025)],
  subsidies: [subsidy("s2", "h2", "2025-03-01", 10_000)],
  services: [service("ts1", "2025-05-01", A1, ["h1"])],
  projects: [project("p1", 2025, A1, { beneficiaryHouseholdIds: ["h1"] })],
};

describe("household support metrics", () => {
  it("INDUSTRY_SUPPORT_COVERAGE counts registered households with any support", () => {
    expect(countsOf(industrySupportCoverage, records, 2025)).toEqual([2, 3]);
  });

  it("LINKAGE_COVERAGE counts registered households taking part in a linkage", () => {
    expect(countsOf(linkageCoverage, records, 2025)).toEqual([1, 3]);
    expect(countsOf(linkageCoverage, records, 2024)).toEqual([0, 3]);
  });

  it("FIVE_ONES_HOUSEHOLDS needs all five supports in the year", () => {
    expect(countsOf(fiveOnesHouseholds, records, 2025)).toEqual([1, 3]);
    expect(countsOf(fiveOnesHouseholds, { ...records, services: [] }, 2025)).toEqual([0, 3]);
  });
});
