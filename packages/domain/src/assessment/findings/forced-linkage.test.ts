import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  householdIndustry,
  linkage,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { forcedLinkage } from "./forced-linkage.js";

describe("LINKAGE.FORCED", () => {
  it("fires for households linked to an orange entity of another town without oranges of their own", () => {
    const records = {
      households: [
        household("h1", VILLAGES_A[0]), // other town, no industry → forced
        household("h2", VILLAGES_A[0]), // other town, grows oranges → not forced
        household("h3", VILLAGES_B[0]), // same town → not forced
        household("h4", VILLAGES_A[1]), // other town, keeps bees only → forced
        household("h5", VILLAGES_A[1]), // other town, linkage ended → not judged
      ],
      entities: [entity("e1", TOWN_B)],
      linkages: [
        linkage("l1", "e1", "h1", 2024),
        linkage("l2", "e1", "h2", 2024),
        linkage("l3", "e1", "h3", 2024),
        linkage("l4", "e1", "h4", 2024),
        linkage("l5", "e1", "h5", 2020, { endYear: 2023 }),
      ],
      householdIndustries: [
        householdIndustry("hi2", "h2", "ind-orange", 2025),
        householdIndustry("hi4", "h4", "ind-bee", 2025),
      ],
    };
    expect(subjectsFound(forcedLinkage, records, 2025)).toEqual(["l1", "l4"]);
  });

  it.each([
    {
      name: "uses the linkage's industry when the entity names none",
      entityIndustry: null,
      own: "ind-bee",
      expected: [],
    },
    {
      name: "still fires when the household's industry is not the linkage's",
      entityIndustry: null,
      own: "ind-veg",
      expected: ["l1"],
    },
  ])("$name", ({ entityIndustry, own, expected }) => {
    const records = {
      households: [household("h1", VILLAGES_A[0])],
      entities: [entity("e1", TOWN_B, { industryId: entityIndustry })],
      linkages: [linkage("l1", "e1", "h1", 2024, { industryId: "ind-bee" })],
      householdIndustries: [householdIndustry("hi1", "h1", own, 2025)],
    };
    expect(subjectsFound(forcedLinkage, records, 2025)).toEqual(expected);
  });

  it("is reported in the household's township", () => {
    const [finding] = runDetector(
      forcedLinkage,
      {
        households: [household("h1", VILLAGES_A[0])],
        entities: [entity("e1", TOWN_B)],
        linkages: [linkage("l1", "e1", "h1", 2024)],
      },
      2025,
    );
    expect(finding).toMatchObject({ regionCode: TOWN_A, evidence: ["l1", "e1", "h1"], severity: "medium" });
    expect(finding?.message.zh).toContain("拉郎配");
  });
});
