import { describe, expect, it } from "vitest";
import { ledgerForRegion } from "../../ledger/ledger.js";
import { detectFindings } from "../detect-findings.js";
import {
  buildLedger,
  entity,
  entityScene,
  FIXTURE_NOW,
  householdsIn,
  linkage,
  linkageYear,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
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
    expect(finding?.message.zh).toContain("2024年带动南安镇3户贫困户，2025年仅剩1户");
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

  describe("judges each township's households apart (第二年贫困户就全部退出了: the township answers for its own)", () => {
    // e1 of 南安镇 took part with h1, h2 of 南安镇 and h3, h4, h5 of 新城镇 in 2024; in 2025 南安镇's two
    // stayed and 新城镇's three all left: 2 of 5 retained over the county, 2 of 2 and 0 of 3 by township.
    const records = {
      households: [
        ...householdsIn(VILLAGES_A[0], ["h1", "h2"]),
        ...householdsIn(VILLAGES_B[0], ["h3", "h4", "h5"]),
      ],
      entities: [entity("e1", TOWN_A)],
      linkages: ["h1", "h2", "h3", "h4", "h5"].map((h) => linkage(`l-${h}`, "e1", h, 2024)),
      linkageYears: [
        ...["h1", "h2", "h3", "h4", "h5"].map((h) => linkageYear(`l-${h}`, 2024, 50_000)),
        ...["h1", "h2"].map((h) => linkageYear(`l-${h}`, 2025, 50_000)),
      ],
    };

    it("finds it in the township that lost its households, with them, not in the entity's own", () => {
      const found = runDetector(yearTwoExit, records, 2025);
      expect(found.map((f) => [f.regionCode, f.subjectId, f.evidence])).toEqual([
        [TOWN_B, "e1", ["l-h3", "l-h3-2024", "l-h4", "l-h4-2024", "l-h5", "l-h5-2024"]],
      ]);
      expect(found[0]?.message.zh).toContain("2024年带动新城镇3户贫困户，2025年仅剩0户");
    });

    it("finds in each township's ledger what the county's finds there", () => {
      const county = buildLedger(records);
      for (const township of [TOWN_A, TOWN_B]) {
        const options = {
          year: 2025,
          now: FIXTURE_NOW,
          codes: ["LINKAGE.YEAR_TWO_EXIT" as const],
          regionCode: township,
        };
        expect(detectFindings(ledgerForRegion(county, township), options)).toEqual(
          detectFindings(county, options),
        );
      }
    });
  });
});
