import { describe, expect, it } from "vitest";
import {
  entity,
  entityScene,
  householdsIn,
  linkage,
  linkageYear,
  runDetector,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { yearTwoExit } from "./year-two-exit.js";

const v = VILLAGES_A[2];
const households = householdsIn(v, ["h1", "h2", "h3", "h4", "h5", "h6"]);

describe("LINKAGE.YEAR_TWO_EXIT", () => {
  it("fires for an entity that kept 1 of 3 households; not for one that kept all, nor one with a single household", () => {
    const records = {
      households,
      entities: ["e1", "e2", "e3"].map((id) => entity(id, TOWN_A)),
      linkages: [
        ...["h1", "h2", "h3"].map((h) => linkage(`l-${h}`, "e1", h, 2024)),
        ...["h4", "h5"].map((h) => linkage(`l-${h}`, "e2", h, 2024)),
        linkage("l-h6", "e3", "h6", 2024),
      ],
      linkageYears: [
        // e1: three took part in 2024; in 2025 only h1 did (h2 declined, h3 has no record) → 1/3 < 50%
        ...["h1", "h2", "h3"].map((h) => linkageYear(`l-${h}`, 2024, 50_000)),
        linkageYear("l-h1", 2025, 50_000),
        linkageYear("l-h2", 2025, -1),
        // e2: both stayed
        ...["h4", "h5"].flatMap((h) => [
          linkageYear(`l-${h}`, 2024, 50_000),
          linkageYear(`l-${h}`, 2025, 50_000),
        ]),
        // e3: its only household left, but one household is too few to judge
        linkageYear("l-h6", 2024, 50_000),
      ],
    };
    expect(subjectsFound(yearTwoExit, records, 2025)).toEqual(["e1"]);
    const [finding] = runDetector(yearTwoExit, records, 2025);
    expect(finding?.evidence).toEqual(["l-h2", "l-h2-2024", "l-h3", "l-h3-2024"]);
    expect(finding?.message.zh).toContain("2024年带动3户贫困户，2025年仅剩1户");
  });

  it.each([
    { name: "does not fire at exactly half retained", stayed: 1, expected: [] },
    { name: "fires when nobody stayed", stayed: 0, expected: ["e1"] },
  ])("$name", ({ stayed, expected }) => {
    const records = entityScene({
      households: ["h1", "h2"],
      years: { 2024: { h1: 50_000, h2: 50_000 }, 2025: stayed > 0 ? { h1: 50_000 } : {} },
    });
    expect(subjectsFound(yearTwoExit, records, 2025)).toEqual(expected);
  });
});
