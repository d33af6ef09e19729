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
import { shallowLinkage } from "./shallow-linkage.js";

const v = VILLAGES_A[0];
const base = {
  households: ["h1", "h2", "h3"].map((id) => household(id, v)),
  entities: [entity("e1", TOWN_A)],
  linkages: ["h1", "h2", "h3"].map((h, i) => linkage(`l${i + 1}`, "e1", h, 2024)),
};

describe("LINKAGE.SHALLOW", () => {
  it.each([
    { name: "fires for 100 yuan (below 200)", received: [10_000, 20_000, 0], policy: {}, expected: ["l1"] },
    {
      name: "does not fire at exactly 200 yuan or for nothing paid",
      received: [20_000, 50_000, 0],
      policy: {},
      expected: [],
    },
    {
      name: "fires under a county's higher threshold",
      received: [20_000, 50_000, 0],
      policy: { shallowLinkageFen: 60_000 },
      expected: ["l1", "l2"],
    },
  ])("$name", ({ received, policy, expected }) => {
    const linkageYears = received.map((fen, i) => linkageYear(`l${i + 1}`, 2025, fen));
    expect(subjectsFound(shallowLinkage, { ...base, linkageYears }, 2025, { policy })).toEqual(expected);
  });

  it("says how much was paid", () => {
    const [finding] = runDetector(
      shallowLinkage,
      { ...base, linkageYears: [linkageYear("l1", 2025, 5_000)] },
      2025,
    );
    expect(finding).toMatchObject({ evidence: ["l1", "l1-2025"], severity: "low", regionCode: TOWN_A });
    expect(finding?.message.zh).toContain("仅带来50.00元收益");
  });
});
