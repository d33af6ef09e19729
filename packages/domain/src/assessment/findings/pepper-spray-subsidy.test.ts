import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  householdIndustry,
  linkage,
  runDetector,
  service,
  subjectsFound,
  subsidy,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { pepperSpraySubsidy } from "./pepper-spray-subsidy.js";

const v = VILLAGES_A[0];
const households = ["h1", "h2", "h3", "h4", "h5", "h6"].map((id) => household(id, v));

describe("SUBSIDY.PEPPER_SPRAY", () => {
  it("fires only for a small subsidy with no linkage, service or industry follow-up that year", () => {
    const records = {
      households,
      entities: [entity("e1", TOWN_A)],
      // h1: 500 yuan and nothing else → pepper spray
      // h2: linked in 2025; h3: visited in 2025; h4: has an industry record in 2025
      // h5: 1,000 yuan is not small (threshold is "below 1,000"); h6: small, but in 2024
      subsidies: [
        subsidy("s1", "h1", "2025-04-01", 50_000),
        subsidy("s2", "h2", "2025-04-01", 50_000),
        subsidy("s3", "h3", "2025-04-01", 50_000),
        subsidy("s4", "h4", "2025-04-01", 50_000),
        subsidy("s5", "h5", "2025-04-01", 100_000),
        subsidy("s6", "h6", "2024-04-01", 50_000),
      ],
      linkages: [linkage("l2", "e1", "h2", 2023)],
      services: [service("sv3", "2025-05-01", v, ["h3"])],
      householdIndustries: [householdIndustry("hi4", "h4", "ind-veg", 2025)],
    };
    expect(subjectsFound(pepperSpraySubsidy, records, 2025)).toEqual(["h1"]);
  });

  it.each([
    {
      name: "a linkage that ended the year before does not count as follow-up",
      endYear: 2024,
      expected: ["h1"],
    },
    { name: "a linkage in force that year is follow-up", endYear: null, expected: [] },
  ])("$name", ({ endYear, expected }) => {
    const records = {
      households,
      entities: [entity("e1", TOWN_A)],
      subsidies: [subsidy("s1", "h1", "2025-04-01", 30_000)],
      linkages: [linkage("l1", "e1", "h1", 2022, { endYear })],
    };
    expect(subjectsFound(pepperSpraySubsidy, records, 2025)).toEqual(expected);
  });

  it("gathers all small subsidies of the household as evidence", () => {
    const [finding] = runDetector(
      pepperSpraySubsidy,
      {
        households,
        subsidies: [subsidy("s1", "h1", "2025-04-01", 30_000), subsidy("s2", "h1", "2025-08-01", 20_000)],
      },
      2025,
    );
    expect(finding).toMatchObject({ severity: "low", subjectId: "h1", evidence: ["s1", "s2"] });
    expect(finding?.message.zh).toContain("共500.00元");
    expect(finding?.message.zh).toContain("撒胡椒面");
  });
});
