import { describe, expect, it } from "vitest";
import type { LinkageMode } from "../../linkage/linkage.js";
import {
  entityScene,
  householdIndustry,
  member,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
} from "../testing/fixtures.js";
import { forcedLinkage } from "./forced-linkage.js";

const records = (
  mode: LinkageMode,
  own: string | null,
  labour: "ordinary" | "none" = "ordinary",
  entityTown = TOWN_B,
) => ({
  ...entityScene({
    households: ["h1"],
    entity: { regionCode: entityTown },
    linkage: { mode, industryId: "ind-orange" },
  }),
  members: [member("m1", "h1", { labourAbility: labour })],
  householdIndustries: own ? [householdIndustry("hi1", "h1", own, 2025)] : [],
});

describe("LINKAGE.FORCED: a mode the household cannot take part in", () => {
  it.each([
    {
      name: "order purchase of oranges from a household without oranges",
      mode: "order_purchase",
      own: null,
      fires: true,
    },
    {
      name: "order purchase of oranges from a bee keeper",
      mode: "order_purchase",
      own: "ind-bee",
      fires: true,
    },
    {
      name: "order purchase of oranges from an orange grower",
      mode: "order_purchase",
      own: "ind-orange",
      fires: false,
    },
    {
      name: "wages at a leading enterprise in the next town, no crop",
      mode: "employment",
      own: null,
      fires: false,
    },
    { name: "land lease without the crop", mode: "land_lease", own: null, fires: false },
    { name: "equity dividend without the crop", mode: "equity_dividend", own: null, fires: false },
    { name: "asset income without the crop", mode: "asset_income", own: null, fires: false },
  ] as const)("$name → $fires", ({ mode, own, fires }) => {
    expect(subjectsFound(forcedLinkage, records(mode, own), 2025)).toEqual(fires ? ["l-h1"] : []);
  });

  it("fires for employment of a household with no member able to work", () => {
    expect(subjectsFound(forcedLinkage, records("employment", null, "none"), 2025)).toEqual(["l-h1"]);
    expect(subjectsFound(forcedLinkage, records("employment", null, "ordinary"), 2025)).toEqual([]);
  });

  it("does not depend on the entity's township", () => {
    expect(subjectsFound(forcedLinkage, records("order_purchase", null, "ordinary", TOWN_A), 2025)).toEqual([
      "l-h1",
    ]);
  });

  it("is reported in the household's township", () => {
    const [finding] = runDetector(forcedLinkage, records("order_purchase", null), 2025);
    expect(finding).toMatchObject({ regionCode: TOWN_A, evidence: ["l-h1", "e1", "h1"], severity: "medium" });
    expect(finding?.message.zh).toContain("拉郎配");
  });
});
