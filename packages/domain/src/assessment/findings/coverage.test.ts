import { describe, expect, it } from "vitest";
import type { LedgerData } from "../../ledger/ledger.js";
import {
  entity,
  household,
  householdIndustry,
  linkage,
  member,
  project,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { householdNotCovered, villageNotCovered } from "./coverage.js";

const v = VILLAGES_A[0];
const h = (id: string, overrides = {}) => household(id, v, overrides);

describe("INDUSTRY.HOUSEHOLD_NOT_COVERED (覆盖底数)", () => {
  it.each([
    ["no industry, no linkage, no project: the speech's case", {}, ["h1"]],
    [
      "its only member works for wages at a leading enterprise of another township (employment linkage)",
      {
        entities: [entity("e1", TOWN_B, { kind: "leading_enterprise" })],
        members: [member("m1", "h1")],
        linkages: [linkage("l1", "e1", "h1", 2024)],
      },
      [],
    ],
    [
      "no one can work; asset income from a cooperative (资产收益)",
      {
        entities: [entity("e1", TOWN_A)],
        members: [member("m1", "h1", { labourAbility: "lost" })],
        linkages: [linkage("l1", "e1", "h1", 2020, { mode: "asset_income" })],
      },
      [],
    ],
    [
      "keeps an industry of its own this year",
      { householdIndustries: [householdIndustry("hi1", "h1", "ind-orange", 2025)] },
      [],
    ],
    [
      "is a beneficiary of an earlier project",
      { projects: [project("p1", 2023, v, { beneficiaryHouseholdIds: ["h1"] })] },
      [],
    ],
  ] as const)("%s", (_case, records, expected) => {
    expect(subjectsFound(householdNotCovered, { households: [h("h1")], ...records }, 2025)).toEqual(expected);
  });

  it.each([
    // both sides of each date: linkage ended the year before / ends this year; industry last year / this year
    [
      "a linkage that ended last year",
      { linkages: [linkage("l1", "e1", "h1", 2020, { endYear: 2024 })] },
      ["h1"],
    ],
    ["a linkage that ends this year", { linkages: [linkage("l1", "e1", "h1", 2020, { endYear: 2025 })] }, []],
    ["a linkage signed next year", { linkages: [linkage("l1", "e1", "h1", 2026)] }, ["h1"]],
    [
      "an industry kept only last year",
      { householdIndustries: [householdIndustry("hi1", "h1", "ind-orange", 2024)] },
      ["h1"],
    ],
    [
      "a project of next year",
      { projects: [project("p1", 2026, v, { beneficiaryHouseholdIds: ["h1"] })] },
      ["h1"],
    ],
  ] as const)("%s", (_case, records, expected) => {
    const data = { households: [h("h1")], entities: [entity("e1", TOWN_A)], ...records };
    expect(subjectsFound(householdNotCovered, data, 2025)).toEqual(expected);
  });

  it("skips households registered after the year", () => {
    expect(
      subjectsFound(householdNotCovered, { households: [h("h1", { registeredYear: 2026 })] }, 2025),
    ).toEqual([]);
  });

  it("calls the household by its status in the year: 贫困户 in 2019, 脱贫户 after its exit", () => {
    const exited = h("h1", { povertyStatus: "exited", exitYear: 2020 });
    const [campaign] = runDetector(householdNotCovered, { households: [exited] }, 2019);
    const [later] = runDetector(householdNotCovered, { households: [exited] }, 2025);
    expect(campaign?.message.zh).toContain("贫困户");
    expect(campaign?.message.zh).not.toContain("脱贫户");
    expect(later?.message.zh).toContain("脱贫户");
    expect(later).toMatchObject({ severity: "medium", evidence: ["h1"], regionCode: TOWN_A, year: 2025 });
  });
});

describe("INDUSTRY.VILLAGE_NOT_COVERED (贫困村覆盖底数)", () => {
  // VILLAGES_A[0] is a poor village, VILLAGES_A[1] is not; four registered households in each.
  const poor = ["p1", "p2", "p3", "p4"].map((id) => household(id, VILLAGES_A[0]));
  const other = ["o1", "o2"].map((id) => household(id, VILLAGES_A[1]));
  const keeps = (ids: readonly string[], year = 2025) =>
    ids.map((id) => householdIndustry(`hi-${id}`, id, "ind-orange", year));
  const found = (records: Partial<LedgerData>, policy = {}) =>
    subjectsFound(villageNotCovered, { households: [...poor, ...other], ...records }, 2025, { policy });

  it.each([
    ["a poor village with no project and no household covered: the speech's case", {}, [VILLAGES_A[0]]],
    [
      "its households all linked to an entity in another village (employment)",
      {
        entities: [entity("e1", TOWN_B, { kind: "leading_enterprise" })],
        linkages: poor.map((p) => linkage(`l-${p.id}`, "e1", p.id, 2024, { mode: "employment" })),
      },
      [],
    ],
    ["a project sited in it, no household covered", { projects: [project("pr1", 2024, VILLAGES_A[0])] }, []],
    ["a project sited in it next year", { projects: [project("pr1", 2026, VILLAGES_A[0])] }, [VILLAGES_A[0]]],
    ["one of four households covered (below half)", { householdIndustries: keeps(["p1"]) }, [VILLAGES_A[0]]],
    ["two of four households covered (half: on the line)", { householdIndustries: keeps(["p1", "p2"]) }, []],
  ] as const)("%s", (_case, records, expected) => {
    expect(found(records)).toEqual(expected);
  });

  it("never judges a village that is not poor, nor a poor village with no registered household", () => {
    // VILLAGES_A[1] (not poor) has no project and no household covered; VILLAGES_A[2] is poor and empty.
    expect(found({ householdIndustries: keeps(["p1", "p2"]) })).toEqual([]);
  });

  it("takes its share from the policy", () => {
    const records = { householdIndustries: keeps(["p1"]) };
    expect(found(records, { poorVillageCoveredShareMin: 0.25 })).toEqual([]);
    expect(found(records, { poorVillageCoveredShareMin: 0.26 })).toEqual([VILLAGES_A[0]]);
  });

  it("names the village, its status words and its uncovered households, at high severity", () => {
    const [f] = runDetector(
      villageNotCovered,
      { households: poor, householdIndustries: keeps(["p1"], 2019) },
      2019,
    );
    expect(f).toMatchObject({
      severity: "high",
      subjectType: "village",
      regionCode: TOWN_A,
      evidence: [VILLAGES_A[0], "p2", "p3", "p4"],
    });
    expect(f?.message.zh).toContain("（贫困村）2019年无产业项目落地，4户贫困户中仅1户");
  });
});
