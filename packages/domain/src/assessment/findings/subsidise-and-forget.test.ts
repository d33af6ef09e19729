import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  householdIndustry,
  linkage,
  linkageYear,
  runDetector,
  subjectsFound,
  subsidy,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { subsidiseAndForget } from "./subsidise-and-forget.js";

const v = VILLAGES_A[1];
const households = ["h1", "h2", "h3", "h4", "h5"].map((id) => household(id, v));

describe("SUPPORT.SUBSIDISE_AND_FORGET", () => {
  it("fires for households subsidised last year with no benefit or industry this year", () => {
    const records = {
      households,
      entities: [entity("e1", TOWN_A)],
      subsidies: [
        subsidy("s1", "h1", "2024-05-01", 300_000), // h1: nothing in 2025 → fires
        subsidy("s2", "h2", "2024-05-01", 300_000), // h2: paid through a linkage in 2025
        subsidy("s3", "h3", "2024-05-01", 300_000), // h3: has an industry record in 2025
        subsidy("s4", "h4", "2025-05-01", 300_000), // h4: subsidised this year, not last
        subsidy("s5", "h5", "2024-05-01", 300_000), // h5: took part in 2025 but received nothing → fires
      ],
      linkages: [linkage("l2", "e1", "h2", 2024), linkage("l5", "e1", "h5", 2024)],
      linkageYears: [linkageYear("l2", 2025, 80_000), linkageYear("l5", 2025, 0)],
      householdIndustries: [householdIndustry("hi3", "h3", "ind-orange", 2025)],
    };
    expect(subjectsFound(subsidiseAndForget, records, 2025)).toEqual(["h1", "h5"]);
  });

  it("does not fire when every subsidised household was followed up", () => {
    const records = {
      households,
      subsidies: [subsidy("s3", "h3", "2024-05-01", 300_000)],
      householdIndustries: [householdIndustry("hi3", "h3", "ind-orange", 2025)],
    };
    expect(subjectsFound(subsidiseAndForget, records, 2025)).toEqual([]);
  });

  it("gives last year's subsidies as evidence", () => {
    const [finding] = runDetector(
      subsidiseAndForget,
      { households, subsidies: [subsidy("s1", "h1", "2024-05-01", 300_000)] },
      2025,
    );
    expect(finding).toMatchObject({ evidence: ["s1"], severity: "medium", year: 2025 });
    expect(finding?.message.zh).toContain("2024年获补贴3000.00元");
  });
});
