import { describe, expect, it } from "vitest";
import { entityScene, runDetector, subjectsFound } from "../testing/fixtures.js";
import { fakeLinkage } from "./fake-linkage.js";

// h1: no record for 2025 → fake; h2: did not take part → fake; h3: took part, received 0 → fake;
// h4: received 300 yuan → real; h5: its linkage ended in 2024 → not judged in 2025.
const scene = entityScene({
  households: ["h1", "h2", "h3", "h4", "h5"],
  years: { 2025: { h2: -1, h3: 0, h4: 30_000 } },
});
const records = {
  ...scene,
  linkages: scene.linkages.map((l) =>
    l.householdId === "h5" ? { ...l, startYear: 2020, endYear: 2024 } : l,
  ),
};

describe("LINKAGE.FAKE", () => {
  it.each([
    {
      name: "fires for linkages with no record, no participation or no payment",
      year: 2025,
      expected: ["l-h1", "l-h2", "l-h3"],
    },
    {
      name: "fires in 2024 for linkages with no 2024 record (l-h5 ended that year)",
      year: 2024,
      expected: ["l-h1", "l-h2", "l-h3", "l-h4", "l-h5"],
    },
    { name: "does not judge a year after the assessment date", year: 2026, expected: [] },
  ])("$name", ({ year, expected }) => {
    expect(subjectsFound(fakeLinkage, records, year)).toEqual(expected);
  });

  it("does not fire for a linkage that paid", () => {
    expect(
      subjectsFound(fakeLinkage, entityScene({ households: ["h4"], years: { 2025: { h4: 1 } } }), 2025),
    ).toEqual([]);
  });

  it("gives the linkage and its year record as evidence and says why", () => {
    const found = runDetector(fakeLinkage, records, 2025);
    expect(found.find((f) => f.subjectId === "l-h2")).toMatchObject({
      evidence: ["l-h2", "l-h2-2025"],
      severity: "high",
    });
    expect(found.find((f) => f.subjectId === "l-h1")?.evidence).toEqual(["l-h1"]);
    expect(found.find((f) => f.subjectId === "l-h2")?.message.zh).toContain("未实际参与");
  });
});
