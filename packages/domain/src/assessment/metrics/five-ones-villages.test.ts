import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  linkage,
  linkageYear,
  service,
  subsidy,
  TOWN_A,
  VILLAGES_A,
  villageIndustry,
} from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { fiveOnesVillages } from "./five-ones-villages.js";

const [A1, A2] = VILLAGES_A;
const records = {
  households: [household("h1", A1), household("h2", A2)],
  villageIndustries: [
    villageIndustry("vi1", A1, "ind-orange", 2025),
    villageIndustry("vi2", A2, "ind-orange", 2025),
  ],
  entities: [entity("e1", TOWN_A)],
  linkages: [linkage("l1", "e1", "h1", 2024), linkage("l2", "e1", "h2", 2024)],
  linkageYears: [linkageYear("l1", 2025, 10_000), linkageYear("l2", 2025, 10_000)],
  subsidies: [subsidy("s1", "h1", "2025-03-01", 10_000)],
  services: [service("ts1", "2025-05-01", A1, ["h1"]), service("ts2", "2025-05-01", A2, [])],
};

describe("FIVE_ONES_VILLAGES", () => {
  it("counts the region's villages with all five in the year (A2 has no fund)", () => {
    expect(countsOf(fiveOnesVillages, records, 2025, { region: TOWN_A })).toEqual([1, VILLAGES_A.length]);
    expect(countsOf(fiveOnesVillages, records, 2025, { region: A2 })).toEqual([0, 1]);
  });
});
