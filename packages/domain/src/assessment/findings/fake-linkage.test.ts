import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  linkage,
  linkageYear,
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { fakeLinkage } from "./fake-linkage.js";

const v = VILLAGES_A[0];
const households = ["h1", "h2", "h3", "h4", "h5"].map((id) => household(id, v));
const records = {
  households,
  entities: [entity("e1", TOWN_A)],
  linkages: [
    linkage("l1", "e1", "h1", 2024), // no record for 2025 → fake
    linkage("l2", "e1", "h2", 2024), // did not take part → fake
    linkage("l3", "e1", "h3", 2024), // took part, received 0 → fake
    linkage("l4", "e1", "h4", 2024), // received 300 yuan → real
    linkage("l5", "e1", "h5", 2020, { endYear: 2024 }), // ended → not judged
  ],
  linkageYears: [linkageYear("l2", 2025, -1), linkageYear("l3", 2025, 0), linkageYear("l4", 2025, 30_000)],
};

describe("LINKAGE.FAKE", () => {
  it.each([
    {
      name: "fires for linkages with no record, no participation or no payment",
      year: 2025,
      expected: ["l1", "l2", "l3"],
    },
    {
      name: "fires in 2024 for linkages with no 2024 record (l5 ended that year)",
      year: 2024,
      expected: ["l1", "l2", "l3", "l4", "l5"],
    },
    { name: "does not judge a year after the assessment date", year: 2026, expected: [] },
  ])("$name", ({ year, expected }) => {
    expect(subjectsFound(fakeLinkage, records, year)).toEqual(expected);
  });

  it("does not fire for a linkage that paid", () => {
    expect(
      subjectsFound(
        fakeLinkage,
        { ...records, linkages: records.linkages.slice(3), linkageYears: [linkageYear("l4", 2025, 1)] },
        2025,
      ),
    ).toEqual([]);
  });

  it("gives the linkage and its year record as evidence and says why", () => {
    const found = runDetector(fakeLinkage, records, 2025);
    expect(found.find((f) => f.subjectId === "l2")).toMatchObject({
      evidence: ["l2", "l2-2025"],
      severity: "high",
    });
    expect(found.find((f) => f.subjectId === "l1")?.evidence).toEqual(["l1"]);
    expect(found.find((f) => f.subjectId === "l2")?.message.zh).toContain("未实际参与");
  });
});
